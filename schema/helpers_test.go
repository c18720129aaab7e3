package schema_test

import (
	"bytes"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func unmarshal(b []byte) (any, error) { return jsonschema.UnmarshalJSON(bytes.NewReader(b)) }
