package process

import (
	"crypto/sha256"
	"encoding/base32"
	"path"
	"strings"
)

var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// DossierID is the id of the dossier of one stored version of an object:
// the bucket, the key and the ETag (the version id when there is no ETag),
// hashed, so the same upload announced twice (by the store's event and by
// the API) is one dossier, and a new version of the file is a new one.
func DossierID(bucket, key, etag, versionID string) string {
	v := NormETag(etag)
	if v == "" {
		v = "v:" + versionID
	}
	sum := sha256.Sum256([]byte(bucket + "\x00" + key + "\x00" + v))
	return idEncoding.EncodeToString(sum[:15])
}

// NormETag strips the quotes S3 puts around ETags and lowercases them, so
// the ETag of an event, of a listing and of a Stat compare equal.
func NormETag(s string) string {
	return strings.ToLower(strings.Trim(s, `"`))
}

// ValidID reports whether id has the form of a dossier id (DossierID):
// 24 characters of the base32 alphabet a–z, 2–7. Only such ids reach NATS
// (as KV keys), so no request can put a long or odd token on the wire.
func ValidID(id string) bool {
	if len(id) != 24 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !(c >= 'a' && c <= 'z' || c >= '2' && c <= '7') {
			return false
		}
	}
	return true
}

// LetterPrefix returns the folder of a dossier's outputs in the letter
// bucket: letters/<origin>/<id>/ (letters/<id>/ without an origin).
func LetterPrefix(origin, id string) string {
	return path.Join("letters", origin, id) + "/"
}
