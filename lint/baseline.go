package lint

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// A baseline records the findings a docs set already has, so that a run fails only on new ones. Entries are
// keyed by fingerprint — rule, file, the text of the offending line and the message with numbers masked — not
// by line number, so that edits elsewhere in a page do not invalidate them. Identical findings are counted.
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// BaselineEntry is one fingerprint and how many findings carry it.
type BaselineEntry struct {
	File        string `json:"file"`
	Rule        string `json:"rule"`
	Fingerprint string `json:"fingerprint"`
	Count       int    `json:"count"`
	// Message is the first finding's message, for people reading the file.
	Message string `json:"message"`
}

const baselineVersion = 1

// fingerprint computes a finding's line-independent key.
func (c *checker) fingerprint(f Finding) string {
	line := ""
	if !f.Outside {
		if pt := c.texts[f.Pos.File]; pt != nil {
			line = strings.Join(strings.Fields(pt.line(f.Pos.Line)), " ")
		}
	}
	return fingerprintOf(f.Rule, f.Pos.File, line, f.Message)
}

func fingerprintOf(rule, file, line, message string) string {
	h := sha256.New()
	for _, s := range []string{rule, file, line, maskDigits(message)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:10])
}

// maskDigits replaces runs of digits, so that "at line 12" and "at line 14" are the same message.
func maskDigits(s string) string {
	var b strings.Builder
	digits := false
	for _, r := range s {
		if r >= '0' && r <= '9' {
			if !digits {
				b.WriteByte('#')
			}
			digits = true
			continue
		}
		digits = false
		b.WriteRune(r)
	}
	return b.String()
}

// NewBaseline records findings.
func NewBaseline(findings []Finding) *Baseline {
	b := &Baseline{Version: baselineVersion}
	idx := map[string]int{}
	for _, f := range findings {
		if i, ok := idx[f.Fingerprint]; ok {
			b.Findings[i].Count++
			continue
		}
		idx[f.Fingerprint] = len(b.Findings)
		b.Findings = append(b.Findings, BaselineEntry{File: f.Pos.File, Rule: f.Rule, Fingerprint: f.Fingerprint, Count: 1, Message: f.Message})
	}
	sort.Slice(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Fingerprint < y.Fingerprint
	})
	return b
}

// Write writes the baseline as indented JSON.
func (b *Baseline) Write(w io.Writer) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// ReadBaseline reads a baseline written by Write; name is used in errors.
func ReadBaseline(r io.Reader, name string) (*Baseline, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", name, err)
	}
	var b Baseline
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, fmt.Errorf("%s:%d: not a baseline file: %w", name, lineOfOffset(data, se.Offset), err)
		case errors.As(err, &te):
			return nil, fmt.Errorf("%s:%d: not a baseline file: %w", name, lineOfOffset(data, te.Offset), err)
		}
		return nil, fmt.Errorf("%s: not a baseline file: %w", name, err)
	}
	if b.Version != baselineVersion {
		return nil, fmt.Errorf("%s: baseline version %d is not supported (want %d); rewrite it with --write-baseline", name, b.Version, baselineVersion)
	}
	for i, e := range b.Findings {
		if e.Fingerprint == "" || e.Count < 1 {
			return nil, fmt.Errorf("%s: entry %d has no fingerprint or a count below 1", name, i+1)
		}
	}
	return &b, nil
}

func lineOfOffset(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// Filter returns the findings the baseline does not cover, and how many it covered. Each entry covers as many
// findings with its fingerprint as it counts; more of them are new.
func (b *Baseline) Filter(findings []Finding) (fresh []Finding, known int) {
	left := map[string]int{}
	for _, e := range b.Findings {
		left[e.Fingerprint] += e.Count
	}
	for _, f := range findings {
		if left[f.Fingerprint] > 0 {
			left[f.Fingerprint]--
			known++
			continue
		}
		fresh = append(fresh, f)
	}
	return fresh, known
}

// Stale returns the baseline's entries that findings no longer match, in the baseline's order, each with the
// count of findings it no longer covers: fixed findings, or ones whose line or message changed. They are worth
// pruning, since a finding that comes back would otherwise pass unnoticed.
func (b *Baseline) Stale(findings []Finding) []BaselineEntry {
	seen := map[string]int{}
	for _, f := range findings {
		seen[f.Fingerprint]++
	}
	var stale []BaselineEntry
	for _, e := range b.Findings {
		used := min(seen[e.Fingerprint], e.Count)
		seen[e.Fingerprint] -= used
		if used < e.Count {
			e.Count -= used
			stale = append(stale, e)
		}
	}
	return stale
}

// Prune returns the baseline without what findings no longer match: entries none matches are dropped and counts
// lowered to the findings there are. It adds nothing, so new findings stay reported.
func (b *Baseline) Prune(findings []Finding) *Baseline {
	seen := map[string]int{}
	for _, f := range findings {
		seen[f.Fingerprint]++
	}
	out := &Baseline{Version: b.Version, Findings: []BaselineEntry{}}
	for _, e := range b.Findings {
		used := min(seen[e.Fingerprint], e.Count)
		seen[e.Fingerprint] -= used
		if used > 0 {
			e.Count = used
			out.Findings = append(out.Findings, e)
		}
	}
	return out
}
