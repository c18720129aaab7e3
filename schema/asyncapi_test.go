package schema_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/ingest"
	"github.com/hoso-vn/hoso/schema"
)

// TestAsyncAPI holds the AsyncAPI document to the code's names: the
// default subjects, the CloudEvents types, the content type and the
// dead-letter headers, and its payload to the event schema.
func TestAsyncAPI(t *testing.T) {
	var doc struct {
		AsyncAPI string `json:"asyncapi"`
		Channels map[string]struct {
			Address string `json:"address"`
		} `json:"channels"`
	}
	if err := json.Unmarshal(schema.AsyncAPIJSON, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.AsyncAPI, "3.") {
		t.Errorf("asyncapi %q", doc.AsyncAPI)
	}
	addr := map[string]bool{}
	for _, c := range doc.Channels {
		addr[c.Address] = true
	}
	for _, want := range []string{ingest.DefaultEventPrefix + ".completed", ingest.DefaultEventPrefix + ".failed",
		ingest.DefaultUploadSubject, ingest.DefaultDeadSubject} {
		if !addr[want] {
			t.Errorf("no channel for subject %s", want)
		}
	}
	text := string(schema.AsyncAPIJSON)
	for _, want := range []string{ingest.TypeCompleted, ingest.TypeFailed, ingest.ContentType, "Nats-Msg-Id",
		ingest.HeaderSeq, ingest.HeaderDeliveries, ingest.HeaderDossier, `"$ref": "` + schema.EventID + `"`} {
		if !strings.Contains(text, want) {
			t.Errorf("asyncapi.json does not mention %s", want)
		}
	}
}
