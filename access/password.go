package access

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters of new hashes: OWASP's first recommended set
// (19 MiB, 2 passes, 1 lane). Stored hashes carry their own parameters, so
// raising these later re-hashes nobody and breaks nobody.
const (
	argonMemory  = 19 * 1024 // KiB
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// Bounds on parameters read from a stored hash, so a corrupted or hostile
// value cannot make one login allocate gigabytes or loop for minutes.
const (
	maxArgonMemory  = 256 * 1024
	maxArgonTime    = 10
	maxArgonThreads = 8
)

var errHashFormat = errors.New("access: not an argon2id hash")

// hashPassword returns the PHC string form of an argon2id hash of pw:
// $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash> (unpadded base64).
func hashPassword(pw string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// argonHash is a parsed PHC string.
type argonHash struct {
	memory    uint32
	time      uint32
	threads   uint8
	salt, key []byte
}

// parseHash reads a PHC argon2id string, refusing parameters outside the
// bounds above.
func parseHash(s string) (*argonHash, error) {
	f := strings.Split(s, "$")
	if len(f) != 6 || f[0] != "" || f[1] != "argon2id" || f[2] != "v="+strconv.Itoa(argon2.Version) {
		return nil, errHashFormat
	}
	var h argonHash
	for _, kv := range strings.Split(f[3], ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return nil, errHashFormat
		}
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil || n == 0 {
			return nil, errHashFormat
		}
		switch k {
		case "m":
			h.memory = uint32(n)
		case "t":
			h.time = uint32(n)
		case "p":
			if n > maxArgonThreads {
				return nil, errHashFormat
			}
			h.threads = uint8(n)
		default:
			return nil, errHashFormat
		}
	}
	if h.memory < 8*uint32(h.threads) || h.memory > maxArgonMemory || h.time == 0 || h.time > maxArgonTime || h.threads == 0 {
		return nil, errHashFormat
	}
	var err error
	b64 := base64.RawStdEncoding
	if h.salt, err = b64.DecodeString(f[4]); err != nil || len(h.salt) < 8 || len(h.salt) > 64 {
		return nil, errHashFormat
	}
	if h.key, err = b64.DecodeString(f[5]); err != nil || len(h.key) < 16 || len(h.key) > 64 {
		return nil, errHashFormat
	}
	return &h, nil
}

// checkPassword reports whether pw matches the stored hash, in constant
// time with respect to the key.
func checkPassword(stored, pw string) bool {
	h, err := parseHash(stored)
	if err != nil {
		return false
	}
	key := argon2.IDKey([]byte(pw), h.salt, h.time, h.memory, h.threads, uint32(len(h.key)))
	return subtle.ConstantTimeCompare(key, h.key) == 1
}

// dummyHash is verified against when the account does not exist, so an
// unknown name costs the same time as a wrong password.
const dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$hQ4Fq9nxJvH3cJw0mQ0aN8b9GmM8QGd2m2vP0m2xWqk"

// MinPasswordLen is the shortest password accepted.
const MinPasswordLen = 12

func checkNewPassword(pw string) error {
	if len([]rune(pw)) < MinPasswordLen {
		return fmt.Errorf("access: password shorter than %d characters", MinPasswordLen)
	}
	if len(pw) > 1024 {
		return errors.New("access: password longer than 1024 bytes")
	}
	return nil
}

// NewPassword returns a random password: 26 characters of base32 (128
// bits), for first starts and resets.
func NewPassword() string { return rand.Text() }
