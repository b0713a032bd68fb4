package mock

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"io/fs"
	"path/filepath"
	"time"
)

// Fingerprint sums the names, sizes and modification times of the files under the roots (symbolic links not
// followed): it changes when a page is added, removed or written.
func Fingerprint(roots []string) [sha256.Size]byte {
	h := sha256.New()
	var buf [16]byte
	for _, root := range roots {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				h.Write([]byte("error " + path + "\x00"))
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			h.Write([]byte(path + "\x00"))
			binary.LittleEndian.PutUint64(buf[:8], uint64(info.Size()))
			binary.LittleEndian.PutUint64(buf[8:], uint64(info.ModTime().UnixNano()))
			h.Write(buf[:])
			return nil
		})
	}
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}

// Watch polls the roots every interval until ctx is done and calls reload when their fingerprint has changed and
// then stayed the same for one more interval (so that a save in progress is not read half written). Polling needs
// no dependency and works on every file system.
func Watch(ctx context.Context, roots []string, interval time.Duration, reload func()) {
	last := Fingerprint(roots)
	pending := false
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		now := Fingerprint(roots)
		switch {
		case now != last:
			last, pending = now, true
		case pending:
			pending = false
			reload()
		}
	}
}
