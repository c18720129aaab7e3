// Package deploy holds no Go code: only the files that run hoso for real
// (compose, Kubernetes, the MinIO install script). This test keeps them
// parseable and coherent, since nothing else executes them in CI.
package deploy

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/ingest"
	"go.yaml.in/yaml/v3"
)

func yamlFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Fatalf("found %d YAML files under deploy/, want compose.yaml and k8s/*.yaml", len(files))
	}
	return files
}

// documents decodes every document of a multi-document YAML file.
func documents(t *testing.T, path string) []map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var docs []map[string]any
	for {
		var doc map[string]any
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: document %d: %v", path, len(docs)+1, err)
		}
		if doc != nil {
			docs = append(docs, doc)
		}
	}
	if len(docs) == 0 {
		t.Fatalf("%s: no YAML document", path)
	}
	return docs
}

// dig walks nested maps; it returns nil when a key is missing.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

func str(v any) string { s, _ := v.(string); return s }

var minioNotifyEnv = regexp.MustCompile(`^MINIO_NOTIFY_NATS_[A-Z_]+$`)

// checkMinIOEnv enforces the fact measured on this project: without the
// target suffix MinIO logs "invalid argument" and publishes nothing.
func checkMinIOEnv(t *testing.T, where, name, value string) {
	t.Helper()
	if !minioNotifyEnv.MatchString(name) {
		return
	}
	if !strings.HasSuffix(name, "_PRIMARY") {
		t.Errorf("%s: %s lacks the _PRIMARY target suffix", where, name)
	}
	if name == "MINIO_NOTIFY_NATS_SUBJECT_PRIMARY" && value != "hoso.uploads" {
		t.Errorf("%s: %s = %q, want hoso.uploads (the HOSO_UPLOADS stream's subject)", where, name, value)
	}
	if name == "MINIO_NOTIFY_NATS_QUEUE_DIR_PRIMARY" && !strings.HasPrefix(value, "/") {
		t.Errorf("%s: %s = %q must be an absolute path", where, name, value)
	}
}

// checkEventMode: a MinIO whose NATS target is on sends its events as
// ingest.MinIOEnv says — synchronously, without a queue_dir, whose
// folder MinIO lists only every 3 s, and takes no upload before its
// notification rules are loaded (deploy/README.md).
func checkEventMode(t *testing.T, where string, env map[string]string) {
	t.Helper()
	if env["MINIO_NOTIFY_NATS_ENABLE_PRIMARY"] != "on" {
		return
	}
	want := map[string]string{}
	for _, kv := range ingest.MinIOEnv("", ingest.Config{}) {
		k, v, _ := strings.Cut(kv, "=")
		want[k] = v
	}
	for _, k := range []string{"MINIO_API_SYNC_EVENTS", "MINIO_SYNC_BOOT"} {
		if env[k] != want[k] {
			t.Errorf("%s: %s = %q, want %q as ingest.MinIOEnv", where, k, env[k], want[k])
		}
	}
	if q, ok := env["MINIO_NOTIFY_NATS_QUEUE_DIR_PRIMARY"]; ok {
		t.Errorf("%s: MINIO_NOTIFY_NATS_QUEUE_DIR_PRIMARY = %q: events would wait up to 3 s", where, q)
	}
}

func TestCompose(t *testing.T) {
	docs := documents(t, "compose.yaml")
	if len(docs) != 1 {
		t.Fatalf("compose.yaml has %d documents, want 1", len(docs))
	}
	services, ok := docs[0]["services"].(map[string]any)
	if !ok || len(services) == 0 {
		t.Fatal("compose.yaml: no services")
	}
	nats := 0
	for name, s := range services {
		if dig(s, "image") == nil && dig(s, "build") == nil {
			t.Errorf("service %s has neither image nor build", name)
		}
		if strings.HasPrefix(str(dig(s, "image")), "nats:") {
			nats++
		}
		if deps, ok := dig(s, "depends_on").(map[string]any); ok {
			for dep := range deps {
				if _, ok := services[dep]; !ok {
					t.Errorf("service %s depends on unknown service %s", name, dep)
				}
			}
		}
		env, _ := dig(s, "environment").(map[string]any)
		vars := map[string]string{}
		for k, v := range env {
			checkMinIOEnv(t, "compose service "+name, k, str(v))
			vars[k] = str(v)
		}
		checkEventMode(t, "compose service "+name, vars)
		secrets, _ := dig(s, "secrets").([]any)
		for _, sec := range secrets {
			if dig(docs[0], "secrets", str(sec)) == nil {
				t.Errorf("service %s uses undeclared secret %v", name, sec)
			}
		}
	}
	if nats != 3 {
		t.Errorf("compose.yaml runs %d NATS servers, want a cluster of 3", nats)
	}
	if dig(services, "minio", "environment", "MINIO_NOTIFY_NATS_JETSTREAM_PRIMARY") != "on" {
		t.Error("compose minio: MINIO_NOTIFY_NATS_JETSTREAM_PRIMARY must be on")
	}
	if n, _ := dig(services, "worker", "deploy", "replicas").(int); n < 2 {
		t.Errorf("compose worker replicas = %d, want several workers", n)
	}
}

func TestKubernetes(t *testing.T) {
	objects := map[string]map[string]any{} // "Kind/name"
	var all []map[string]any
	for _, f := range yamlFiles(t) {
		if !strings.HasPrefix(f, "k8s"+string(filepath.Separator)) {
			continue
		}
		for i, doc := range documents(t, f) {
			kind, name := str(doc["kind"]), str(dig(doc, "metadata", "name"))
			if str(doc["apiVersion"]) == "" || kind == "" || name == "" {
				t.Errorf("%s document %d: apiVersion, kind and metadata.name are required", f, i+1)
				continue
			}
			if _, dup := objects[kind+"/"+name]; dup {
				t.Errorf("%s: %s/%s defined twice", f, kind, name)
			}
			objects[kind+"/"+name] = doc
			all = append(all, doc)
		}
	}
	for _, want := range []string{"StatefulSet/nats", "StatefulSet/minio", "Deployment/hoso",
		"Service/hoso", "Service/nats", "ConfigMap/hoso-config", "Secret/hoso-minio"} {
		if objects[want] == nil {
			t.Errorf("k8s/: %s is missing", want)
		}
	}
	if n, _ := dig(objects["StatefulSet/nats"], "spec", "replicas").(int); n != 3 {
		t.Errorf("NATS StatefulSet replicas = %d, want 3", n)
	}
	for _, doc := range all {
		id := str(doc["kind"]) + "/" + str(dig(doc, "metadata", "name"))
		switch str(doc["kind"]) {
		case "Deployment", "StatefulSet":
			sel, _ := dig(doc, "spec", "selector", "matchLabels").(map[string]any)
			labels, _ := dig(doc, "spec", "template", "metadata", "labels").(map[string]any)
			if len(sel) == 0 {
				t.Errorf("%s: empty selector", id)
			}
			for k, v := range sel {
				if labels[k] != v {
					t.Errorf("%s: selector %s=%v does not match the pod labels", id, k, v)
				}
			}
		case "Service":
			sel, _ := dig(doc, "spec", "selector").(map[string]any)
			if len(sel) == 0 {
				t.Errorf("%s: empty selector", id)
			}
		}
		pod := dig(doc, "spec", "template", "spec")
		var containers []any
		for _, k := range []string{"initContainers", "containers"} {
			c, _ := dig(pod, k).([]any)
			containers = append(containers, c...)
		}
		for _, c := range containers {
			if str(dig(c, "image")) == "" {
				t.Errorf("%s: container %v has no image", id, dig(c, "name"))
			}
			envFrom, _ := dig(c, "envFrom").([]any)
			for _, e := range envFrom {
				if n := str(dig(e, "configMapRef", "name")); n != "" && objects["ConfigMap/"+n] == nil {
					t.Errorf("%s: envFrom refers to unknown ConfigMap %s", id, n)
				}
			}
			env, _ := dig(c, "env").([]any)
			vars := map[string]string{}
			for _, e := range env {
				vars[str(dig(e, "name"))] = str(dig(e, "value"))
			}
			checkEventMode(t, id, vars)
			for _, e := range env {
				checkMinIOEnv(t, id, str(dig(e, "name")), str(dig(e, "value")))
				if n := str(dig(e, "valueFrom", "secretKeyRef", "name")); n != "" && objects["Secret/"+n] == nil {
					t.Errorf("%s: env refers to unknown Secret %s", id, n)
				}
			}
		}
		vols, _ := dig(pod, "volumes").([]any)
		for _, v := range vols {
			if n := str(dig(v, "secret", "secretName")); n != "" && objects["Secret/"+n] == nil {
				t.Errorf("%s: volume refers to unknown Secret %s", id, n)
			}
			if n := str(dig(v, "configMap", "name")); n != "" && objects["ConfigMap/"+n] == nil {
				t.Errorf("%s: volume refers to unknown ConfigMap %s", id, n)
			}
		}
	}
}

func TestScriptsAreExecutable(t *testing.T) {
	for _, f := range []string{"minio.sh", "dev.sh"} {
		fi, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode()&0o111 == 0 {
			t.Errorf("%s is not executable", f)
		}
	}
}
