package access

import (
	"strings"
	"testing"
)

// FuzzParseToken: no input panics, and whatever is accepted has exactly
// the shape tokens are made with, round-tripping to the input.
func FuzzParseToken(f *testing.F) {
	f.Add("hoso_" + strings.Repeat("a", tokenIDLen) + "_" + strings.Repeat("b", tokenSecretLen))
	f.Add("hoso__")
	f.Add("Bearer hoso_x_y")
	f.Add("hoso_" + strings.Repeat("a", tokenIDLen) + "_" + strings.Repeat("_", tokenSecretLen))
	f.Fuzz(func(t *testing.T, s string) {
		id, secret, err := ParseToken(s)
		if err != nil {
			return
		}
		if tokenPrefix+id+"_"+secret != s || len(id) != tokenIDLen || len(secret) != tokenSecretLen || !isB32(id) || !isB32(secret) {
			t.Fatalf("accepted %q as id %q secret %q", s, id, secret)
		}
		if tk, ok := bearer("Bearer " + s); !ok || tk != s {
			t.Fatalf("bearer lost %q", s)
		}
	})
}

// FuzzParseLogin: no input panics; an accepted request has a valid account
// name and a bounded, non-empty password.
func FuzzParseLogin(f *testing.F) {
	f.Add("application/json", []byte(`{"name":"lan","password":"mật khẩu"}`))
	f.Add("application/x-www-form-urlencoded", []byte("name=lan&password=m%E1%BA%ADt"))
	f.Add("application/x-www-form-urlencoded; charset=utf-8", []byte("name=%00&password="))
	f.Add("multipart/form-data; boundary=x", []byte("--x\r\n"))
	f.Add("application/json", []byte(`{"name":"LAN ","password":"\u0000"}`))
	f.Fuzz(func(t *testing.T, ctype string, body []byte) {
		lr, err := ParseLogin(ctype, body)
		if err != nil {
			return
		}
		if CheckName(lr.Name) != nil || lr.Password == "" || len(lr.Password) > 1024 || len(body) > maxLoginBody {
			t.Fatalf("accepted %+v from %q %q", lr, ctype, body)
		}
	})
}

// FuzzParseHash: a stored hash read back never yields parameters that would
// make a login allocate or loop without bound.
func FuzzParseHash(f *testing.F) {
	f.Add(dummyHash)
	f.Add("$argon2id$v=19$m=262144,t=10,p=8$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")
	f.Add("$argon2id$v=19$m=1,t=1,p=1$$")
	f.Fuzz(func(t *testing.T, s string) {
		h, err := parseHash(s)
		if err != nil {
			return
		}
		if h.memory > maxArgonMemory || h.time > maxArgonTime || h.threads > maxArgonThreads || h.threads == 0 ||
			len(h.key) < 16 || len(h.key) > 64 || len(h.salt) < 8 {
			t.Fatalf("accepted %q: %+v", s, h)
		}
	})
}
