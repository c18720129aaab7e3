package ingest

import (
	"encoding/json"
	"time"

	"github.com/hoso-vn/hoso"
)

// CloudEvent types published on <EventPrefix>.completed / .failed.
const (
	TypeCompleted = "vn.hoso.dossier.completed"
	TypeFailed    = "vn.hoso.dossier.failed"
)

// Event is a CloudEvents 1.0 event in structured JSON mode, the payload of
// every message on the event stream. ID is the dossier id, so source+id
// identifies a dossier's outcome and a consumer may drop repeats; the
// message also carries Nats-Msg-Id = ID for JetStream's own dedup window.
type Event struct {
	SpecVersion     string    `json:"specversion"`
	ID              string    `json:"id"`
	Source          string    `json:"source"`
	Type            string    `json:"type"`
	Subject         string    `json:"subject,omitempty"`
	Time            time.Time `json:"time"`
	DataContentType string    `json:"datacontenttype"`
	// DataRef is the object key of the letter (its DOCX) in the letter
	// bucket, or of record.json when no letter was made.
	DataRef string  `json:"dataref,omitempty"`
	Data    Summary `json:"data"`
}

// Summary is an event's data: what happened to the dossier, without
// personal data (no names, no dates of birth).
type Summary struct {
	DossierID  string          `json:"dossier_id"`
	Status     Status          `json:"status"`
	Verdict    hoso.Verdict    `json:"verdict,omitempty"`
	Origin     string          `json:"origin"`
	Bucket     string          `json:"bucket"`
	Key        string          `json:"key"`
	LetterKind hoso.LetterKind `json:"letter_kind,omitempty"`
	DOCX       string          `json:"docx,omitempty"`
	PDF        string          `json:"pdf,omitempty"`
	Record     string          `json:"record,omitempty"`
	Error      *hoso.ErrorInfo `json:"error,omitempty"`
}

// ContentType is the NATS Content-Type header of an Event message.
const ContentType = "application/cloudevents+json; charset=utf-8"

// eventOf builds the event announcing st's final state.
func eventOf(st *State, source string) Event {
	e := Event{
		SpecVersion:     "1.0",
		ID:              st.ID,
		Source:          source,
		Type:            TypeCompleted,
		Subject:         st.ID,
		Time:            st.Updated,
		DataContentType: "application/json",
		DataRef:         st.DOCX,
		Data: Summary{
			DossierID: st.ID, Status: st.Status, Verdict: st.Verdict, Origin: st.Origin,
			Bucket: st.Bucket, Key: st.Key, LetterKind: st.LetterKind,
			DOCX: st.DOCX, PDF: st.PDF, Record: st.Record, Error: st.Error,
		},
	}
	if st.Status == StatusFailed {
		e.Type = TypeFailed
	}
	if e.DataRef == "" {
		e.DataRef = st.Record
	}
	if e.Time.IsZero() {
		e.Time = time.Now().UTC()
	}
	return e
}

func (e Event) marshal() []byte {
	b, _ := json.Marshal(e) // plain fields only: cannot fail
	return b
}
