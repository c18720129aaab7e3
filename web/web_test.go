package web

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/access"
	"github.com/hoso-vn/hoso/internal/testenv"
)

func TestAnonymous(t *testing.T) {
	e := newEnv(t, nil)
	c := e.client()
	for _, path := range []string{"/", "/upload", "/register", "/register.csv", "/admin", "/d/aaaaaaaaaaaaaaaaaaaaaaaa",
		"/d/aaaaaaaaaaaaaaaaaaaaaaaa/letter", "/collect?unit=chi-bo-a"} {
		status, _, h := e.do(c, "GET", path, nil)
		if status != http.StatusSeeOther || !strings.HasPrefix(h.Get("Location"), "/login?next=") {
			t.Errorf("GET %s anonymous: %d %s, want 303 to the login page", path, status, h.Get("Location"))
		}
	}
	for _, path := range []string{"/upload", "/d/aaaaaaaaaaaaaaaaaaaaaaaa/correct", "/d/aaaaaaaaaaaaaaaaaaaaaaaa/approve",
		"/admin/accounts", "/admin/units", "/admin/issuer", "/admin/rules", "/logout", "/password"} {
		status, body, _ := e.do(c, "POST", path, url.Values{"x": {"1"}})
		if status != http.StatusUnauthorized || !strings.Contains(body, "Cần đăng nhập") {
			t.Errorf("POST %s anonymous: %d, want 401 with a Vietnamese page", path, status)
		}
	}
	status, body, _ := e.do(c, "GET", "/login", nil)
	if status != 200 || !strings.Contains(body, "Đăng nhập") || !strings.Contains(body, `<label for="password">Mật khẩu</label>`) {
		t.Errorf("login page: %d", status)
	}
	status, body, _ = e.do(c, "POST", "/login", url.Values{"name": {"vanthu"}, "password": {"sai"}})
	if status != http.StatusUnauthorized || !strings.Contains(body, "Tên đăng nhập hoặc mật khẩu không đúng") {
		t.Errorf("bad login: %d", status)
	}
	status, _, _ = e.do(c, "GET", "/static/style.css", nil)
	if status != 200 {
		t.Errorf("static: %d", status)
	}
	// The API keeps its JSON answers under /v1/.
	status, body, _ = e.do(c, "GET", "/v1/dossiers", nil)
	if status != http.StatusUnauthorized || !strings.Contains(body, `"error"`) {
		t.Errorf("/v1/dossiers anonymous: %d %s", status, body)
	}
}

// TestCSRF: every state-changing form refuses a cross-site post, before
// anything else, with a Vietnamese page.
func TestCSRF(t *testing.T) {
	e := newEnv(t, nil)
	for _, who := range []string{"", "admin", "lanhdao"} {
		c := e.client()
		if who != "" {
			c = e.login(who)
		}
		for _, path := range []string{"/login", "/logout", "/upload", "/d/aaaaaaaaaaaaaaaaaaaaaaaa/correct",
			"/d/aaaaaaaaaaaaaaaaaaaaaaaa/approve", "/admin/accounts", "/admin/units", "/admin/issuer", "/admin/rules", "/password"} {
			status, body, _ := e.do(c, "POST", path, url.Values{"name": {"admin"}, "password": {testPassword}},
				"Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example")
			if status != http.StatusForbidden || !strings.Contains(body, "chống giả mạo") {
				t.Errorf("%s cross-site POST %s: %d, want 403", who, path, status)
			}
		}
	}
}

// TestPermissions: the role × page matrix on pages that need no dossier.
func TestPermissions(t *testing.T) {
	e := newEnv(t, nil)
	for _, tc := range []struct {
		who, method, path string
		want              int
		text              string
	}{
		{"vanthu", "GET", "/", 200, "Hồ sơ đề nghị kết nạp"},
		{"vanthu", "GET", "/upload", 200, "Kéo thả tệp vào đây"},
		{"vanthu", "GET", "/register", 200, "Sổ văn bản đi năm 2026"},
		{"vanthu", "GET", "/admin", 403, "Bạn không có quyền"},
		{"chuyenvien", "GET", "/upload", 403, "Bạn không có quyền"},
		{"lanhdao", "GET", "/upload", 403, "Bạn không có quyền"},
		{"lanhdao", "GET", "/", 200, "Hồ sơ đề nghị kết nạp"},
		{"admin", "GET", "/admin", 200, "Bộ quy tắc xét"},
		{"admin", "GET", "/upload", 403, "Bạn không có quyền"},
		{"vanthu", "GET", "/khong-co", 404, "Không tìm thấy"},
		{"vanthu", "GET", "/collect?unit=chi-bo-b&from=01/01/2026&to=31/12/2026", 403, "đơn vị của bạn"},
	} {
		status, body, _ := e.do(e.login(tc.who), tc.method, tc.path, nil)
		if status != tc.want || !strings.Contains(body, tc.text) {
			t.Errorf("%s %s %s: %d, want %d with %q", tc.who, tc.method, tc.path, status, tc.want, tc.text)
		}
	}
	// A clerk uploads only into their own units.
	c := e.login("vanthu")
	pr := &bytes.Buffer{}
	mw := newMultipart(pr)
	mw.field("unit", "chi-bo-b")
	mw.file("file", "a.docx", []byte("x"))
	mw.close()
	req, _ := http.NewRequest("POST", e.srv.URL+"/upload", pr)
	req.Header.Set("Content-Type", mw.contentType())
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("upload into another unit: %d, want 403", res.StatusCode)
	}
}

func TestWorkflow(t *testing.T) {
	e := newEnv(t, nil)
	clerk, clerkB, reviewer, signer := e.login("vanthu"), e.login("vanthub"), e.login("chuyenvien"), e.login("lanhdao")

	// Live updates: the event stream sees the uploads' states change.
	sse := make(chan string, 100)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		req, _ := http.NewRequestWithContext(ctx, "GET", e.srv.URL+"/events", nil)
		res, err := clerk.Do(req)
		if err != nil {
			return
		}
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			sse <- sc.Text()
		}
	}()
	time.Sleep(200 * time.Millisecond)

	up := e.upload(clerk, "chi-bo-a", "01-bang-htxsnv.docx", "08-thieu-nam-giua.docx", "02-van-xuoi-giay-khen.docx")
	if len(up) != 3 {
		t.Fatalf("uploads: %+v", up)
	}
	for _, u := range up {
		e.wait(u.ID)
	}
	eligible, incomplete, other := up[0].ID, up[1].ID, up[2].ID

	sawState := false
	for timeout := time.After(5 * time.Second); !sawState; {
		select {
		case l := <-sse:
			sawState = strings.Contains(l, "event: state")
		case <-timeout:
			t.Fatal("no state event on /events")
		}
	}

	t.Run("inbox", func(t *testing.T) {
		status, body, _ := e.do(clerk, "GET", "/", nil)
		if status != 200 || !strings.Contains(body, "Còn thiếu giấy tờ") || !strings.Contains(body, "Đủ điều kiện") ||
			!strings.Contains(body, "08-thieu-nam-giua.docx") {
			t.Fatalf("inbox: %d\n%s", status, body)
		}
		_, body, _ = e.do(clerk, "GET", "/?verdict=incomplete", nil)
		if !strings.Contains(body, incomplete) || strings.Contains(body, eligible) {
			t.Error("verdict filter")
		}
		_, body, _ = e.do(clerk, "GET", "/?q=thieu+nam", nil) // search without accents, on file names
		if !strings.Contains(body, incomplete) || strings.Contains(body, eligible) {
			t.Error("search")
		}
		_, body, _ = e.do(clerkB, "GET", "/", nil)
		if strings.Contains(body, incomplete) || !strings.Contains(body, "Chưa có hồ sơ nào") {
			t.Error("a clerk of another unit sees the dossiers")
		}
	})

	t.Run("other unit", func(t *testing.T) {
		for _, p := range []string{"/d/" + incomplete, "/d/" + incomplete + "/letter", "/d/" + incomplete + "/status",
			"/d/" + incomplete + "/page?page=1"} {
			if status, _, _ := e.do(clerkB, "GET", p, nil); status != http.StatusNotFound {
				t.Errorf("clerk of unit b GET %s: %d, want 404", p, status)
			}
		}
	})

	t.Run("dossier page", func(t *testing.T) {
		status, body, _ := e.do(clerk, "GET", "/d/"+incomplete+"?ev=1", nil)
		if status != 200 || !strings.Contains(body, "Thông tin đọc được") || !strings.Contains(body, "Giấy tờ trong hồ sơ") ||
			!strings.Contains(body, `class="ev sel"`) || !strings.Contains(body, `class="quote"`) {
			t.Fatalf("dossier page: %d\n%s", status, body)
		}
		if strings.Contains(body, `id="hieu-chinh"`) || strings.Contains(body, `id="duyet"`) {
			t.Error("a clerk gets the correction or approval form")
		}
		status, body, _ = e.do(clerk, "POST", "/d/"+incomplete+"/correct", url.Values{"kind": {"rating"}, "year": {"2020"},
			"rating": {"HTTNV"}, "reason": {"x"}})
		if status != http.StatusForbidden || !strings.Contains(body, "không có quyền") {
			t.Errorf("clerk corrects: %d", status)
		}
	})

	t.Run("correct", func(t *testing.T) {
		status, body, _ := e.do(reviewer, "GET", "/d/"+incomplete, nil)
		if status != 200 || !strings.Contains(body, `id="hieu-chinh"`) || !strings.Contains(body, `<label for="c-reason">`) {
			t.Fatalf("reviewer page: %d", status)
		}
		status, body, _ = e.do(reviewer, "POST", "/d/"+incomplete+"/correct", url.Values{"kind": {"rating"}, "year": {"2020"}, "rating": {"HTTNV"}})
		if status != http.StatusBadRequest || !strings.Contains(body, "lý do") {
			t.Errorf("correction without reason: %d", status)
		}
		status, _, h := e.do(reviewer, "POST", "/d/"+incomplete+"/correct", url.Values{"kind": {"rating"}, "year": {"2020"},
			"rating": {"HTTNV"}, "reason": {"Chi bộ bổ sung phiếu đánh giá năm 2020"}})
		if status != http.StatusSeeOther || !strings.Contains(h.Get("Location"), "v=2") {
			t.Fatalf("correction: %d %s", status, h.Get("Location"))
		}
		_, body, _ = e.do(reviewer, "GET", "/d/"+incomplete, nil)
		if !strings.Contains(body, `id="ket-qua">Đủ điều kiện`) || !strings.Contains(body, "Chi bộ bổ sung phiếu đánh giá năm 2020") {
			t.Errorf("verdict after correction:\n%s", body)
		}
		// The first version stays as it was.
		_, body, _ = e.do(reviewer, "GET", "/d/"+incomplete+"?v=1", nil)
		if !strings.Contains(body, `id="ket-qua">Còn thiếu giấy tờ`) {
			t.Error("version 1 changed")
		}
		es, err := e.acc.ReadAudit(context.Background(), access.AuditFilter{Dossier: incomplete})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, en := range es {
			if en.Action == access.ActCorrect && en.Field == "rating:2020" && en.New == "hoàn thành tốt nhiệm vụ" && en.Actor == "chuyenvien" && en.Reason != "" {
				found = true
			}
		}
		if !found {
			t.Errorf("no correction in the audit trail: %+v", es)
		}
	})

	t.Run("approve", func(t *testing.T) {
		form := url.Values{"form": {"K/T"}, "holder": {"Trưởng ban"}, "title": {"Phó Trưởng ban"}, "signer": {"Nguyễn Quang Hùng"}}
		if status, _, _ := e.do(reviewer, "POST", "/d/"+eligible+"/approve", form); status != http.StatusForbidden {
			t.Errorf("reviewer approves: %d", status)
		}
		for i, id := range []string{eligible, incomplete} {
			status, _, h := e.do(signer, "POST", "/d/"+id+"/approve", form)
			want := []string{"1-CV%2FBTC", "2-CV%2FBTC"}[i]
			if status != http.StatusSeeOther || !strings.Contains(h.Get("Location"), want) {
				t.Fatalf("approve %d: %d %s", i, status, h.Get("Location"))
			}
		}
		if status, body, _ := e.do(signer, "POST", "/d/"+eligible+"/approve", form); status != http.StatusConflict || !strings.Contains(body, "đã được duyệt") {
			t.Errorf("approve twice: %d", status)
		}
		_, body, _ := e.do(signer, "GET", "/d/"+eligible, nil)
		if !strings.Contains(body, `id="so-van-ban">1-CV/BTCĐU`) || strings.Contains(body, `id="duyet"`) {
			t.Error("approved page")
		}
		status, _, h := e.do(clerk, "GET", "/d/"+eligible+"/letter?final=1&format=docx", nil)
		cd := h.Get("Content-Disposition")
		if status != 200 || !strings.Contains(cd, `filename="1-CV-BTCDU Nguyen Thi Huong chi-bo-a.docx"`) ||
			!strings.Contains(cd, "filename*=UTF-8''1-CV-BTC%C4%90U%20Nguy%E1%BB%85n%20Th%E1%BB%8B%20H%C6%B0%C6%A1ng%20chi-bo-a.docx") {
			t.Errorf("download: %d %q", status, cd)
		}
	})

	t.Run("correction after approval voids", func(t *testing.T) {
		status, _, h := e.do(reviewer, "POST", "/d/"+eligible+"/correct", url.Values{"kind": {"addressee"},
			"value": {"Đảng uỷ Sở Kế hoạch và Đầu tư"}, "reason": {"Nghị quyết ghi nhầm nơi nhận"}})
		if status != http.StatusSeeOther || !strings.Contains(h.Get("Location"), "1-CV") {
			t.Fatalf("correction after approval: %d %s", status, h.Get("Location"))
		}
		_, csv, _ := e.do(clerk, "GET", "/register.csv?year=2026", nil)
		if !strings.Contains(csv, "1,1-CV/BTCĐU") || !strings.Contains(csv, "Đã huỷ số") || !strings.Contains(csv, "2,2-CV/BTCĐU") {
			t.Errorf("register after void:\n%s", csv)
		}
		form := url.Values{"form": {"T/M"}, "holder": {"Ban Thường vụ"}, "title": {"Phó Bí thư"}, "signer": {"Trần Văn Nam"}}
		status, _, h = e.do(signer, "POST", "/d/"+eligible+"/approve", form)
		if status != http.StatusSeeOther || !strings.Contains(h.Get("Location"), "3-CV") {
			t.Errorf("approve again: %d %s (a voided number is never given again)", status, h.Get("Location"))
		}
		_, body, _ := e.do(clerk, "GET", "/register", nil)
		if !strings.Contains(body, "Đã huỷ số") || !strings.Contains(body, "3-CV/BTCĐU") {
			t.Error("register page")
		}
	})

	t.Run("collect", func(t *testing.T) {
		status, body, h := e.do(clerk, "GET", "/collect?unit=chi-bo-a&from=01/12/2026&to=31/12/2026", nil)
		if status != 200 || h.Get("Content-Type") != "application/zip" {
			t.Fatalf("collect: %d", status)
		}
		zr, err := zip.NewReader(bytes.NewReader([]byte(body)), int64(len(body)))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
		}
		if len(names) != 2 || !strings.HasPrefix(names[0], "2-CV-BTCĐU ") || !strings.HasPrefix(names[1], "3-CV-BTCĐU ") {
			t.Errorf("collected %q, want numbers 2 and 3 (1 is void)", names)
		}
		_ = other
	})
}

func TestBundleNoticeAdmin(t *testing.T) {
	e := newEnv(t, nil)
	clerk := e.login("vanthu")
	up := e.upload(clerk, "chi-bo-a", "bundle:01-bang-htxsnv.docx", "r08-word-97.doc")
	if len(up) != 1 || !strings.HasSuffix(up[0].Key, ".zip") || len(up[0].Files) != 2 {
		t.Fatalf("bundle: %+v", up)
	}
	e.wait(up[0].ID)
	bad := e.upload(clerk, "chi-bo-a", "r08-word-97.doc")[0]
	st := e.wait(bad.ID)
	if st.Status != "failed" {
		t.Fatalf("word 97: %s", st.Status)
	}
	status, body, _ := e.do(clerk, "GET", "/d/"+bad.ID+"/notice", nil)
	if status != 200 || !strings.Contains(body, "Thông báo trả lại hồ sơ") || !strings.Contains(body, "r08-word-97.doc") {
		t.Errorf("notice: %d", status)
	}
	if status, _, _ := e.do(clerk, "GET", "/d/"+up[0].ID+"/notice", nil); status != http.StatusNotFound {
		t.Errorf("notice of a good dossier: %d", status)
	}

	admin := e.login("admin")
	status, body, _ = e.do(admin, "POST", "/admin/rules", url.Values{"rules": {"id: x\nkhoa_la: 1\nrules:\n  age: {enabled: true}\n"}})
	if status != http.StatusBadRequest || !strings.Contains(body, "khoa_la (dòng/line 2)") || !strings.Contains(body, "khoá không được phép") {
		t.Errorf("bad rules: %d\n%s", status, body)
	}
	status, body, _ = e.do(admin, "POST", "/admin/issuer", url.Values{"issuer": {"profile: party\nname: ''\n"}})
	if status != http.StatusBadRequest || !strings.Contains(body, "Hồ sơ cơ quan ban hành có lỗi") {
		t.Errorf("bad issuer: %d", status)
	}
	status, body, _ = e.do(admin, "POST", "/admin/accounts", url.Values{"op": {"add"}, "name": {"vanthu2"}, "role": {"van_thu"}, "units": {"chi-bo-a"}})
	if status != 200 || !strings.Contains(body, "chỉ hiện một lần") {
		t.Fatalf("add account: %d", status)
	}
	// The new clerk logs in with the one-time password and must set their own.
	pw := body[strings.Index(body, "<code>")+6:]
	pw = pw[:strings.Index(pw, "</code>")]
	c := e.client()
	status, _, h := e.do(c, "POST", "/login", url.Values{"name": {"vanthu2"}, "password": {pw}})
	if status != http.StatusSeeOther || h.Get("Location") != "/password?first=1" {
		t.Fatalf("first login: %d %s", status, h.Get("Location"))
	}
	status, body, _ = e.do(c, "POST", "/password", url.Values{"old": {pw}, "new": {"mat-khau-moi-2026"}, "again": {"mat-khau-khac"}})
	if status != http.StatusBadRequest || !strings.Contains(body, "không giống nhau") {
		t.Errorf("mismatched new passwords: %d", status)
	}
	status, _, h = e.do(c, "POST", "/password", url.Values{"old": {pw}, "new": {"mat-khau-moi-2026"}, "again": {"mat-khau-moi-2026"}})
	if status != http.StatusSeeOther || !strings.HasPrefix(h.Get("Location"), "/?ok=") {
		t.Fatalf("change password: %d %s", status, h.Get("Location"))
	}
	if status, _, _ := e.do(c, "GET", "/", nil); status != 200 {
		t.Errorf("after the change the session goes on: %d", status)
	}
	status, _, _ = e.do(admin, "POST", "/admin/units", url.Values{"id": {"chi-bo-c"}, "unit_name": {"Chi bộ Sở Tư pháp"}})
	if status != http.StatusSeeOther {
		t.Errorf("add unit: %d", status)
	}
	_, body, _ = e.do(admin, "GET", "/admin", nil)
	if !strings.Contains(body, "Chi bộ Sở Tư pháp") || !strings.Contains(body, "vanthu2") || !strings.Contains(body, "addressees") {
		t.Error("admin page after edits")
	}
}

// TestSourcePage: a PDF's evidence is shown on its page image with the
// line boxed; the image itself is a PNG only for the dossier's units.
func TestSourcePage(t *testing.T) {
	testenv.LookPath(t, "pdftoppm")
	e := newEnv(t, nil)
	clerk := e.login("vanthu")
	id := e.upload(clerk, "chi-bo-a", "33-pdf-thieu-nam-cuoi.pdf")[0].ID
	e.wait(id)
	_, body, _ := e.do(clerk, "GET", "/d/"+id, nil)
	// The 2018 rating's evidence link.
	i := strings.Index(body, `title="2018 Hoàn thành xuất sắc nhiệm vụ"`)
	if i < 0 {
		t.Fatalf("no 2018 evidence link:\n%s", body)
	}
	j := strings.LastIndex(body[:i], `href="`)
	href := strings.ReplaceAll(body[j+6:i-2], "&amp;", "&")
	status, body, _ := e.do(clerk, "GET", "/d/"+id+strings.TrimSuffix(href, "#nguon"), nil)
	if status != 200 || !strings.Contains(body, `class="hl" style="left: `) || !strings.Contains(body, "/page?file=") {
		t.Fatalf("source view: %d\n%s", status, body)
	}
	k := strings.Index(body, `<img src="/d/`)
	src := strings.ReplaceAll(body[k+10:k+10+strings.Index(body[k+10:], `"`)], "&amp;", "&")
	status, png, h := e.do(clerk, "GET", src, nil)
	if status != 200 || h.Get("Content-Type") != "image/png" || !strings.HasPrefix(png, "\x89PNG") {
		t.Errorf("page image %s: %d %s", src, status, h.Get("Content-Type"))
	}
	if status, _, _ := e.do(e.login("vanthub"), "GET", src, nil); status != http.StatusNotFound {
		t.Errorf("page image for another unit: %d", status)
	}
	// No converter here: no PDF letter, so no preview image.
	if status, _, _ := e.do(clerk, "GET", "/d/"+id+"/letter.png", nil); status != http.StatusNotFound {
		t.Errorf("letter preview without a PDF: %d", status)
	}
}

// TestAddFiles: a clerk adds a paper to a dossier; its files and the new
// one become a new dossier, the old one points to it and is not approved.
func TestAddFiles(t *testing.T) {
	e := newEnv(t, nil)
	clerk := e.login("vanthu")
	id := e.upload(clerk, "chi-bo-a", "08-thieu-nam-giua.docx")[0].ID
	e.wait(id)
	post := func(c *http.Client, id string) (int, string) {
		var body bytes.Buffer
		mw := newMultipart(&body)
		mw.file("file", "phieu 2020.docx", []byte("phiếu bổ sung"))
		mw.close()
		req, _ := http.NewRequest("POST", e.srv.URL+"/d/"+id+"/add", &body)
		req.Header.Set("Content-Type", mw.contentType())
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode, res.Header.Get("Location")
	}
	if status, _ := post(e.login("vanthub"), id); status != http.StatusNotFound {
		t.Errorf("clerk of another unit adds: %d", status)
	}
	if status, _ := post(e.login("chuyenvien"), id); status != http.StatusForbidden {
		t.Errorf("reviewer adds: %d", status)
	}
	status, loc := post(clerk, id)
	if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/d/") {
		t.Fatalf("add: %d %s", status, loc)
	}
	next := strings.TrimPrefix(strings.SplitN(loc, "?", 2)[0], "/d/")
	st := e.wait(next)
	if !strings.HasSuffix(st.Key, "08-thieu-nam-giua (bổ sung).zip") {
		t.Errorf("new dossier's key %q", st.Key)
	}
	b, _ := e.readUpload(st.Key)
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil || len(zr.File) != 2 || zr.File[0].Name != "08-thieu-nam-giua.docx" || zr.File[1].Name != "phieu 2020.docx" {
		t.Fatalf("bundle: %v %v", err, zr)
	}
	_, body, _ := e.do(clerk, "GET", "/d/"+id, nil)
	if !strings.Contains(body, `id="ban-moi"`) || !strings.Contains(body, "/d/"+next) {
		t.Error("the old dossier does not point to the new one")
	}
	if status, _ := post(clerk, id); status != http.StatusConflict {
		t.Errorf("adding to the old one again: %d", status)
	}
	status, body, _ = e.do(e.login("lanhdao"), "POST", "/d/"+id+"/approve", url.Values{"form": {"K/T"}, "holder": {"x"}, "title": {"y"}, "signer": {"z"}})
	if status != http.StatusConflict || !strings.Contains(body, "bản bổ sung") {
		t.Errorf("approving the old one: %d", status)
	}
}
