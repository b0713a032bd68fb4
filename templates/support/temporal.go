package support

import (
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Edm.DateTimeOffset is time.Time. The docs (and the service) also write it without an offset or with seven
// fractional digits; those forms read as UTC. Writing uses RFC 3339.
func parseDateTimeOffset(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04Z07:00", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date and time (want 2006-01-02T15:04:05Z)", s)
}

// Date is an Edm.Date: a calendar day without a time or time zone, written "2006-01-02".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// ParseDate reads "2006-01-02".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date (want 2006-01-02)", s)
	}
	return DateOf(t), nil
}

// In returns the start of the day in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// MarshalText writes "2006-01-02"; encoding/json writes it as a JSON string.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads "2006-01-02".
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// TimeOfDay is an Edm.TimeOfDay: a clock time without a date, written "15:04:05" with an optional fraction
// ("08:00:00.0000000").
type TimeOfDay struct {
	Hour, Minute, Second int
	Nanosecond           int
}

// ParseTimeOfDay reads "15:04", "15:04:05" or "15:04:05.1234567".
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	bad := fmt.Errorf("%q is not a time of day (want 15:04:05)", s)
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return TimeOfDay{}, bad
	}
	var t TimeOfDay
	var err error
	if t.Hour, err = clockField(parts[0], 23); err != nil {
		return TimeOfDay{}, bad
	}
	if t.Minute, err = clockField(parts[1], 59); err != nil {
		return TimeOfDay{}, bad
	}
	if len(parts) == 3 {
		sec, frac, hasFrac := strings.Cut(parts[2], ".")
		if t.Second, err = clockField(sec, 59); err != nil {
			return TimeOfDay{}, bad
		}
		if hasFrac {
			if frac == "" || len(frac) > 9 {
				return TimeOfDay{}, bad
			}
			n, err := strconv.Atoi(frac + strings.Repeat("0", 9-len(frac)))
			if err != nil || strings.ContainsAny(frac, "+-") {
				return TimeOfDay{}, bad
			}
			t.Nanosecond = n
		}
	}
	return t, nil
}

func clockField(s string, max int) (int, error) {
	if len(s) != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return 0, fmt.Errorf("bad field")
	}
	n := int(s[0]-'0')*10 + int(s[1]-'0')
	if n > max {
		return 0, fmt.Errorf("bad field")
	}
	return n, nil
}

func (t TimeOfDay) String() string {
	s := fmt.Sprintf("%02d:%02d:%02d", t.Hour, t.Minute, t.Second)
	if t.Nanosecond != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%09d", t.Nanosecond), "0")
	}
	return s
}

// MarshalText writes "15:04:05", with a fraction only when there is one.
func (t TimeOfDay) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText reads "15:04", "15:04:05" or "15:04:05.1234567".
func (t *TimeOfDay) UnmarshalText(b []byte) error {
	v, err := ParseTimeOfDay(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// Duration is an Edm.Duration, written in ISO 8601: "PT1H30M", "P2D", "-PT0.5S". Years and months have no fixed
// length, so they are kept apart from the exact part.
type Duration struct {
	Negative      bool
	Years, Months int
	Weeks, Days   int
	Time          time.Duration // hours, minutes and seconds
}

// DurationOf returns d as a Duration of hours, minutes and seconds.
func DurationOf(d time.Duration) Duration {
	if d < 0 {
		return Duration{Negative: true, Time: -d}
	}
	return Duration{Time: d}
}

// Std returns the duration as a time.Duration, counting a day as 24 hours; ok is false when it has years or months.
func (d Duration) Std() (dur time.Duration, ok bool) {
	if d.Years != 0 || d.Months != 0 {
		return 0, false
	}
	dur = time.Duration(d.Weeks*7+d.Days)*24*time.Hour + d.Time
	if d.Negative {
		dur = -dur
	}
	return dur, true
}

// ParseDuration reads an ISO 8601 duration.
func ParseDuration(s string) (Duration, error) {
	bad := fmt.Errorf("%q is not an ISO 8601 duration (want PT1H30M)", s)
	var d Duration
	rest := s
	if strings.HasPrefix(rest, "-") {
		d.Negative, rest = true, rest[1:]
	} else {
		rest = strings.TrimPrefix(rest, "+")
	}
	if !strings.HasPrefix(rest, "P") || len(rest) < 2 {
		return Duration{}, bad
	}
	rest = rest[1:]
	inTime := false
	for rest != "" {
		if rest[0] == 'T' {
			if inTime || len(rest) == 1 {
				return Duration{}, bad
			}
			inTime, rest = true, rest[1:]
			continue
		}
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.' || rest[i] == ',') {
			i++
		}
		if i == 0 || i == len(rest) {
			return Duration{}, bad
		}
		num, unit := strings.ReplaceAll(rest[:i], ",", "."), rest[i]
		rest = rest[i+1:]
		if !inTime {
			n, err := strconv.Atoi(num)
			if err != nil {
				return Duration{}, bad
			}
			switch unit {
			case 'Y':
				d.Years = n
			case 'M':
				d.Months = n
			case 'W':
				d.Weeks = n
			case 'D':
				d.Days = n
			default:
				return Duration{}, bad
			}
			continue
		}
		f, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return Duration{}, bad
		}
		switch unit {
		case 'H':
			d.Time += time.Duration(f * float64(time.Hour))
		case 'M':
			d.Time += time.Duration(f * float64(time.Minute))
		case 'S':
			whole, frac, _ := strings.Cut(num, ".")
			w, _ := strconv.ParseInt(whole, 10, 64)
			d.Time += time.Duration(w) * time.Second
			if frac != "" {
				if len(frac) > 9 {
					frac = frac[:9]
				}
				ns, _ := strconv.ParseInt(frac+strings.Repeat("0", 9-len(frac)), 10, 64)
				d.Time += time.Duration(ns)
			}
		default:
			return Duration{}, bad
		}
	}
	return d, nil
}

func (d Duration) String() string {
	var b strings.Builder
	if d.Negative {
		b.WriteByte('-')
	}
	b.WriteByte('P')
	for _, part := range []struct {
		n    int
		unit byte
	}{{d.Years, 'Y'}, {d.Months, 'M'}, {d.Weeks, 'W'}, {d.Days, 'D'}} {
		if part.n != 0 {
			b.WriteString(strconv.Itoa(part.n))
			b.WriteByte(part.unit)
		}
	}
	if t := d.Time; t != 0 {
		b.WriteByte('T')
		if h := t / time.Hour; h != 0 {
			b.WriteString(strconv.FormatInt(int64(h), 10) + "H")
			t -= h * time.Hour
		}
		if m := t / time.Minute; m != 0 {
			b.WriteString(strconv.FormatInt(int64(m), 10) + "M")
			t -= m * time.Minute
		}
		if t != 0 {
			s := strconv.FormatInt(int64(t/time.Second), 10)
			if ns := t % time.Second; ns != 0 {
				s += strings.TrimRight(fmt.Sprintf(".%09d", int64(ns)), "0")
			}
			b.WriteString(s + "S")
		}
	} else if b.Len() <= 2 {
		b.WriteString("T0S")
	}
	return b.String()
}

// MarshalText writes the ISO 8601 form.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads the ISO 8601 form.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// GUID is an Edm.Guid, written "8f0b2c5e-0a6f-4a4e-9a8e-0f3c1e2d4b5a".
type GUID [16]byte

// ParseGUID reads the 36-character form, in either case, with or without braces.
func ParseGUID(s string) (GUID, error) {
	var g GUID
	t := strings.TrimSuffix(strings.TrimPrefix(s, "{"), "}")
	if len(t) != 36 || t[8] != '-' || t[13] != '-' || t[18] != '-' || t[23] != '-' {
		return g, fmt.Errorf("%q is not a GUID", s)
	}
	h := t[0:8] + t[9:13] + t[14:18] + t[19:23] + t[24:36]
	if _, err := hex.Decode(g[:], []byte(h)); err != nil {
		return GUID{}, fmt.Errorf("%q is not a GUID", s)
	}
	return g, nil
}

func (g GUID) String() string {
	h := hex.EncodeToString(g[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// MarshalText writes the lower-case 36-character form.
func (g GUID) MarshalText() ([]byte, error) { return []byte(g.String()), nil }

// UnmarshalText reads the 36-character form.
func (g *GUID) UnmarshalText(b []byte) error {
	v, err := ParseGUID(string(b))
	if err != nil {
		return err
	}
	*g = v
	return nil
}
