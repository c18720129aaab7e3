package schema_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/hoso-vn/hoso/schema"
)

// TestOpenAPIDocument validates openapi.json against the OpenAPI 3.1
// schema, and compiles every component schema as JSON Schema 2020-12,
// so a client generator takes the document as it is.
func TestOpenAPIDocument(t *testing.T) {
	oas, err := os.ReadFile("testdata/oas-3.1-schema-2021-04-15.json")
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	load := func(id string, b []byte) {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if err := c.AddResource(id, v); err != nil {
			t.Fatal(err)
		}
	}
	const oasID = "https://spec.openapis.org/oas/3.1/schema/2021-04-15"
	load(oasID, oas)
	s, err := c.Compile(oasID)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.OpenAPIJSON))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(doc); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI 3.1 document: %v", err)
	}

	c = jsonschema.NewCompiler()
	const id = "https://hoso.vn/schema/openapi.json"
	load(id, schema.OpenAPIJSON)
	load(schema.RecordID, schema.RecordJSON)
	load(schema.EventID, schema.EventJSON)
	for name := range doc.(map[string]any)["components"].(map[string]any)["schemas"].(map[string]any) {
		if _, err := c.Compile(id + "#/components/schemas/" + name); err != nil {
			t.Errorf("component schema %s: %v", name, err)
		}
	}
}
