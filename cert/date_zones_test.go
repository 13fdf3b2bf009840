package cert_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/certrenew/certrenew/cert"
)

// zoneinfo is where the tz database lives on most Unix systems.
const zoneinfo = "/usr/share/zoneinfo"

// zones returns the locations of every zone under zoneinfo, or skips the
// test when there is none.
func zones(t *testing.T) map[string]*time.Location {
	t.Helper()
	locs := map[string]*time.Location{}
	err := filepath.WalkDir(zoneinfo, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name, _ := filepath.Rel(zoneinfo, path)
		switch {
		case e.IsDir() && (name == "posix" || name == "right"):
			return fs.SkipDir // copies of the others
		case e.IsDir(), strings.ContainsAny(name, ".-") && !strings.Contains(name, "/"), name == "localtime", name == "posixrules":
			return nil // tables and links to the machine's zone
		}
		if loc, err := time.LoadLocation(name); err == nil {
			locs[name] = loc
		}
		return nil
	})
	if _, statErr := os.Stat(zoneinfo); statErr != nil || err != nil || len(locs) < 100 {
		t.Skipf("no tz database in %s (%d zones, %v)", zoneinfo, len(locs), err)
	}
	return locs
}

// checkBegins checks that d.In(loc) is the first instant of d: the instant
// before it lies on an earlier day, and it lies on d, or on the day after
// when loc skips d entirely. It reports whether loc skips d.
func checkBegins(t *testing.T, name string, loc *time.Location, d cert.Date) (skipped bool) {
	t.Helper()
	at := d.In(loc)
	got, before := cert.DateOf(at), cert.DateOf(at.Add(-time.Nanosecond))
	switch {
	case at.Location() != loc:
		t.Errorf("%s: %v.In = %v, in %v", name, d, at, at.Location())
	case !before.Before(d):
		t.Errorf("%s: %v.In = %v, but the instant before is on %v", name, d, at, before)
	case got == d:
		return false
	case got == d.AddDays(1) && before == d.AddDays(-1):
		return true
	default:
		t.Errorf("%s: %v.In = %v, on %v", name, d, at, got)
	}
	return false
}

// TestD1_InBeginsTheDayInEveryZone checks Date.In against every zone of the
// tz database from 1970 to 2040, on the days around each change of offset,
// where a midnight can be skipped or repeated; and on every day for a few
// zones whose clocks have skipped midnight or a whole day.
func TestD1_InBeginsTheDayInEveryZone(t *testing.T) {
	locs := zones(t)
	from := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	until := time.Date(2041, 1, 1, 0, 0, 0, 0, time.UTC)
	checked := 0
	var skipped []string
	for name, loc := range locs {
		for at := from.In(loc); ; {
			_, end := at.ZoneBounds()
			if !end.IsZero() && !end.After(at) {
				// The last day of a leap year, which the time package
				// cuts from the daylight-saving rules' year: no change
				// of offset falls in it.
				at = at.Add(24 * time.Hour)
				continue
			}
			if end.IsZero() || !end.Before(until) {
				break
			}
			// The days of the instants just before and at the change,
			// and one day either side.
			lo, hi := cert.DateOf(end.Add(-time.Second)).AddDays(-1), cert.DateOf(end).AddDays(1)
			for d := lo; !d.After(hi); d = d.AddDays(1) {
				if checkBegins(t, name, loc, d) {
					skipped = append(skipped, name+" "+d.String())
				}
				checked++
			}
			at = end
		}
	}
	for _, name := range []string{"America/Havana", "America/Santiago", "America/Sao_Paulo", "Pacific/Apia", "Australia/Lord_Howe", "UTC"} {
		loc, ok := locs[name]
		if !ok {
			t.Errorf("no zone %s", name)
			continue
		}
		for d, end := cert.NewDate(1970, 1, 1), cert.NewDate(2040, 12, 31); !d.After(end); d = d.AddDays(1) {
			checkBegins(t, name, loc, d)
			checked++
		}
	}
	t.Logf("%d zones, %d days checked; days skipped entirely: %v", len(locs), checked, skipped)
	if !strings.Contains(strings.Join(skipped, ","), "Pacific/Apia 2011-12-30") {
		t.Errorf("Pacific/Apia 2011-12-30 is not among the days skipped entirely")
	}
}
