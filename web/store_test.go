package web

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
)

// TestRegisterConcurrent: numbers given at once by several instances (each
// its own stores over one JetStream) are unique and without gaps, per
// issuer and year.
func TestRegisterConcurrent(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	var instances []stores
	for range 3 {
		st, err := openStores(ctx, e.js, 1)
		if err != nil {
			t.Fatal(err)
		}
		instances = append(instances, st)
	}
	var mu sync.Mutex
	got := map[string][]int{}
	var wg sync.WaitGroup
	for i := range 30 {
		wg.Go(func() {
			issuer := []string{"BTCĐU", "UBKTĐU"}[i%2]
			a, err := instances[i%3].allocate(ctx, Approval{Issuer: issuer, Year: 2026, Dossier: fmt.Sprint(i)},
				func(n int) string { return fmt.Sprintf("%d-CV/%s", n, issuer) })
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			got[issuer] = append(got[issuer], a.No)
			mu.Unlock()
		})
	}
	wg.Wait()
	for issuer, ns := range got {
		slices.Sort(ns)
		for i, n := range ns {
			if n != i+1 {
				t.Fatalf("%s numbers %v: not 1..%d once each", issuer, ns, len(ns))
			}
		}
		r, _, err := instances[0].register(ctx, issuer, 2026)
		if err != nil || r.Last != len(ns) || len(r.Entries) != len(ns) {
			t.Errorf("%s register: last %d, %d entries, err %v", issuer, r.Last, len(r.Entries), err)
		}
	}
	// Another year starts at 1.
	a, err := instances[0].allocate(ctx, Approval{Issuer: "BTCĐU", Year: 2027}, func(n int) string { return fmt.Sprint(n) })
	if err != nil || a.No != 1 {
		t.Errorf("2027: %d %v", a.No, err)
	}
}
