// Package schema holds the published contracts of hoso, kept as files so an
// integrator can take them as they are: the JSON Schema (2020-12) of the
// record JSON hoso.record/v1 and of the CloudEvents it publishes, the
// OpenAPI 3.1 document of the HTTP API and the AsyncAPI document of the
// NATS subjects. The service serves them under /v1/schema/ and
// /v1/openapi.json; tests in this package and in cmd/hoso hold the code to
// them.
package schema

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The documents, byte for byte as in the repository.
var (
	//go:embed record.schema.json
	RecordJSON []byte
	//go:embed event.schema.json
	EventJSON []byte
	//go:embed openapi.json
	OpenAPIJSON []byte
	//go:embed asyncapi.json
	AsyncAPIJSON []byte
)

// URLs the documents are published under; their $id.
const (
	RecordID = "https://hoso.vn/schema/record.json"
	EventID  = "https://hoso.vn/schema/event.json"
)

// Compile returns the compiled schema with the given $id among the
// embedded ones. Each call compiles afresh: there is no package state.
func Compile(id string) (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	for _, d := range []struct {
		id string
		b  []byte
	}{{RecordID, RecordJSON}, {EventID, EventJSON}} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(d.b))
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", d.id, err)
		}
		if err := c.AddResource(d.id, doc); err != nil {
			return nil, fmt.Errorf("schema %s: %w", d.id, err)
		}
	}
	return c.Compile(id)
}

// Validate checks a JSON document against the schema with the given $id.
func Validate(id string, doc []byte) error {
	s, err := Compile(id)
	if err != nil {
		return err
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return err
	}
	return s.Validate(v)
}
