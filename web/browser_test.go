package web

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/hoso-vn/hoso/internal/testenv"
	"github.com/hoso-vn/hoso/process"
)

// screenshotDir is where the browser test saves a screenshot of each page:
// $HOSO_SCREENSHOTS, else a folder in the system's temporary directory.
func screenshotDir(t *testing.T) string {
	d := os.Getenv("HOSO_SCREENSHOTS")
	if d == "" {
		d = filepath.Join(os.TempDir(), "hoso-web-screenshots")
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

// browser starts headless Debian chromium as root can run it, offline,
// with a fresh profile.
func browser(t *testing.T) context.Context {
	exe := testenv.LookPath(t, "chromium")
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.Headless,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 768), chromedp.Flag("lang", "vi-VN"))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(cancel3)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1366, 768)); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// TestBrowser drives the workspace in real headless chromium: a clerk logs
// in and uploads three files, watches them finish, opens the incomplete
// one; a reviewer corrects a rating with a reason and sees the verdict
// change; a signer approves two letters (numbers 1-CV then 2-CV) with the
// keyboard and downloads one; a clerk of another unit cannot see it.
func TestBrowser(t *testing.T) {
	// With LibreOffice the letters get their PDF, shown as the preview.
	var pdf Converter
	if _, err := exec.LookPath("soffice"); err == nil {
		pool := &process.PDFPool{Size: 1}
		t.Cleanup(func() { pool.Close() })
		pdf = pool
	}
	e := newEnv(t, pdf)
	ctx := browser(t) // stopped before the server, whose Close waits for the event stream

	shots := screenshotDir(t)
	base := e.srv.URL
	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// unlabelled lists the inputs of the page that no label names.
	unlabelled := func() []string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("input:not([type=hidden]), select, textarea")]
			.filter(e => !(e.labels && e.labels.length) && !e.getAttribute("aria-label")).map(e => e.name || e.id)`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	shot := func(name string) {
		t.Helper()
		if u := unlabelled(); len(u) > 0 {
			t.Errorf("page %s: inputs without a label: %q", name, u)
		}
		b, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(shots, name+".png"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	// login types into the form and submits it with Enter: no mouse.
	login := func(name string) {
		t.Helper()
		run("login "+name, chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.CSS("#name")),
			chromedp.SendKeys(chromedp.CSS("#name"), name), chromedp.SendKeys(chromedp.CSS("#password"), testPassword+"\r"),
			chromedp.WaitVisible(chromedp.CSS("form.who")))
	}
	logout := func() {
		t.Helper()
		run("logout", chromedp.Click(chromedp.CSS("form.who button")), chromedp.WaitVisible(chromedp.CSS("#name")))
	}

	run("login page", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#password")))
	shot("01-dang-nhap")
	login("vanthu")

	// Upload three files; the page shows each one's progress and result.
	corpus, _ := filepath.Abs(filepath.Join("..", "testdata", "corpus"))
	files := []string{filepath.Join(corpus, "01-bang-htxsnv.docx"), filepath.Join(corpus, "31-pdf-bang.pdf"),
		filepath.Join(corpus, "33-pdf-thieu-nam-cuoi.pdf")}
	run("upload", chromedp.Navigate(base+"/upload"), chromedp.WaitVisible(chromedp.CSS("#drop")),
		chromedp.SetUploadFiles(chromedp.CSS("#file"), files),
		chromedp.Poll[chromedp.Void](`document.querySelector("#drop").textContent.includes("3 tệp")`, chromedp.WithPollingTimeout(10*time.Second)))
	// Submit with the keyboard: focus the button, press Enter.
	run("submit", chromedp.Focus(chromedp.CSS("#upload button[type=submit]")), chromedp.KeyEvent("\r"),
		chromedp.Poll[chromedp.Void](`document.querySelectorAll("#results li.done").length === 3`,
			chromedp.WithPollingTimeout(2*time.Minute), chromedp.WithPollingInterval(200*time.Millisecond)))
	if r := text("#results"); strings.Count(r, "Đã xử lý xong") != 3 || !strings.Contains(r, "Còn thiếu giấy tờ") {
		t.Fatalf("upload results: %q", r)
	}
	shot("02-nop-ho-so")

	run("inbox", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#ds-ho-so tbody tr")))
	if rows := text("#ds-ho-so tbody"); !strings.Contains(rows, "Lê Thị Bích Ngọc") || !strings.Contains(rows, "Trần Quốc Bảo") ||
		!strings.Contains(rows, "Nguyễn Thị Hương") {
		t.Fatalf("inbox rows: %q", rows)
	}
	shot("03-danh-sach")
	logout()

	// The reviewer opens the incomplete dossier, looks at a rating's source.
	login("chuyenvien")
	run("open incomplete", chromedp.Navigate(base+"/?verdict=incomplete"), chromedp.WaitVisible(chromedp.CSS("#ds-ho-so tbody tr a")),
		chromedp.Click(chromedp.CSS("#ds-ho-so tbody tr a")), chromedp.WaitVisible(chromedp.CSS("#ket-qua")))
	if v := text("#ket-qua"); v != "Còn thiếu giấy tờ" {
		t.Fatalf("verdict before: %q", v)
	}
	id := strings.TrimPrefix(mustRun(t, ctx, chromedp.Location()), base+"/d/")
	id = strings.SplitN(id, "?", 2)[0]
	run("evidence", chromedp.Click(chromedp.CSS(`a.ev[title^="2018"]`)), chromedp.WaitVisible(chromedp.CSS(".page-img img")),
		chromedp.WaitVisible(chromedp.CSS(".hl")),
		chromedp.Poll[chromedp.Void](`document.querySelector(".page-img img").complete && document.querySelector(".page-img img").naturalWidth > 0`,
			chromedp.WithPollingTimeout(20*time.Second)))
	shot("04-ho-so-nguon")

	run("correction form", chromedp.SetValue(chromedp.CSS("#c-kind"), "rating"), chromedp.SetValue(chromedp.CSS("#c-year"), "2020"),
		chromedp.SetValue(chromedp.CSS("#c-rating"), "HTTNV"), chromedp.SetValue(chromedp.CSS("#c-basis"), "phieu_danh_gia"),
		chromedp.SendKeys(chromedp.CSS("#c-reason"), "Chi bộ bổ sung phiếu đánh giá năm 2020 ngày 01/12/2026"),
		chromedp.ScrollIntoView(chromedp.CSS("#hieu-chinh")))
	b, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("#hieu-chinh")))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(shots, "05-hieu-chinh.png"), b, 0o644)
	run("correct", chromedp.Click(chromedp.CSS("#hieu-chinh button[type=submit]")), chromedp.WaitVisible(chromedp.CSS(".flash")))
	if v := text("#ket-qua"); v != "Đủ điều kiện" {
		t.Fatalf("verdict after correction: %q", v)
	}
	if f := text(".flash"); !strings.Contains(f, "Đủ điều kiện") || !strings.Contains(f, "bản 2") {
		t.Fatalf("after correction: %q", f)
	}
	shot("06-sau-hieu-chinh")
	logout()

	// The signer approves the eligible PDF dossier, then the corrected one,
	// each from the keyboard: focus the signer's name, press Enter.
	login("lanhdao")
	var pdfID string
	for _, st := range mustStates(t, e) {
		if strings.HasSuffix(st.Key, "31-pdf-bang.pdf") {
			pdfID = st.ID
		}
	}
	for i, d := range []string{pdfID, id} {
		want := []string{"1-CV/BTCĐU", "2-CV/BTCĐU"}[i]
		run("approve "+want, chromedp.Navigate(base+"/d/"+d), chromedp.WaitVisible(chromedp.CSS("#duyet")),
			chromedp.Focus(chromedp.CSS("#a-signer")), chromedp.KeyEvent("\r"), chromedp.WaitVisible(chromedp.CSS("#so-van-ban")))
		if n := text("#so-van-ban"); n != want {
			t.Fatalf("number %d: %q, want %q", i+1, n, want)
		}
	}
	shot("07-da-duyet")
	// Download the letter as the link gives it.
	cd, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(document.querySelector("#tai-docx").href).then(r => r.status + " " + r.headers.get("content-disposition"))`,
		chromedp.EvalAwaitPromise))
	if err != nil || !strings.HasPrefix(cd, "200 attachment;") || !strings.Contains(cd, "2-CV-BTCDU Le Thi Bich Ngoc chi-bo-a.docx") {
		t.Fatalf("download: %q %v", cd, err)
	}
	run("register", chromedp.Navigate(base+"/register"), chromedp.WaitVisible(chromedp.CSS("table.list")))
	if r := text("table.list"); !strings.Contains(r, "1-CV/BTCĐU") || !strings.Contains(r, "2-CV/BTCĐU") {
		t.Fatalf("register: %q", r)
	}
	shot("08-so-van-ban-di")
	logout()

	// A clerk of another unit sees neither the dossier nor its letter.
	login("vanthub")
	run("other inbox", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("#ds-ho-so")))
	if rows := text("#ds-ho-so tbody"); strings.Contains(rows, "Lê Thị Bích Ngọc") || !strings.Contains(rows, "Chưa có hồ sơ nào") {
		t.Fatalf("other unit's inbox: %q", rows)
	}
	run("other dossier", chromedp.Navigate(base+"/d/"+id), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if h := text("main h1"); h != "Không tìm thấy" {
		t.Fatalf("other unit's dossier page: %q", h)
	}
	shot("09-don-vi-khac")

	// The administration page (its inputs are checked for labels too).
	logout()
	login("admin")
	run("admin", chromedp.Navigate(base+"/admin"), chromedp.WaitVisible(chromedp.CSS("#issuer")))
	shot("11-quan-tri")

	// The inbox on a phone.
	logout()
	login("vanthu")
	run("phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile), chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS("#ds-ho-so")))
	shot("10-dien-thoai")
	t.Logf("screenshots in %s", shots)
}

func mustRun[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
