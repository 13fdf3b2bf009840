package cert_test

import (
	"testing"
	"time"

	"github.com/certrenew/certrenew/cert"
)

// benchDays returns 1024 Dates spread over 1970..2099, from a month end on,
// so that benchmarks see varied inputs.
func benchDays() []cert.Date {
	ds := make([]cert.Date, 1024)
	start := day("1970-01-31")
	for i := range ds {
		ds[i] = start.AddDays(i * 46) // 46 days apart, so the day of the month varies
	}
	return ds
}

// benchTexts returns the text of each of benchDays.
func benchTexts() []string {
	ds := benchDays()
	ss := make([]string, len(ds))
	for i, d := range ds {
		ss[i] = d.String()
	}
	return ss
}

func benchTimes() []time.Time {
	ds := benchDays()
	ts := make([]time.Time, len(ds))
	for i, d := range ds {
		ts[i] = d.In(time.UTC).Add(13 * time.Hour)
	}
	return ts
}

func BenchmarkAddMonths(b *testing.B) {
	ds := benchDays()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkDate = ds[i&1023].AddMonths(12)
		i++
	}
}

func BenchmarkAddDays(b *testing.B) {
	ds := benchDays()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkDate = ds[i&1023].AddDays(-90)
		i++
	}
}

func BenchmarkParseDate(b *testing.B) {
	ss := benchTexts()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkDate, _ = cert.ParseDate(ss[i&1023])
		i++
	}
}

func BenchmarkAppendText(b *testing.B) {
	ds := benchDays()
	buf := make([]byte, 0, 16)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		buf, _ = ds[i&1023].AppendText(buf[:0])
		i++
	}
	sinkStr = string(buf)
}

func BenchmarkString(b *testing.B) {
	ds := benchDays()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkStr = ds[i&1023].String()
		i++
	}
}

func BenchmarkDateOf(b *testing.B) {
	ts := benchTimes()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkDate = cert.DateOf(ts[i&1023])
		i++
	}
}

func BenchmarkIn(b *testing.B) {
	ds := benchDays()
	for _, name := range []string{"UTC", "America/New_York", "America/Havana"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			var sinkTime time.Time
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				sinkTime = ds[i&1023].In(loc)
				i++
			}
			_ = sinkTime
		})
	}
}

func BenchmarkNewDate(b *testing.B) {
	ds := benchDays()
	type ymd struct {
		y int
		m time.Month
		d int
	}
	fields := make([]ymd, len(ds))
	for i, d := range ds {
		y, m, dd := d.Date()
		fields[i] = ymd{y, m, dd}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		f := fields[i&1023]
		sinkDate = cert.NewDate(f.y, f.m, f.d)
		i++
	}
}

func BenchmarkCatalogLookup(b *testing.B) {
	roadmap := cert.Roadmap()
	for _, bb := range []struct {
		name string
		id   cert.ID
	}{
		{"first", "azure-administrator"},
		{"last", "d365-finance-operations-architect"},
		{"missing", "azure-fundamentals"},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkCert, sinkBool = roadmap.Lookup(bb.id)
			}
		})
	}
	b.Run("each in turn", func(b *testing.B) {
		var ids []cert.ID
		for c := range roadmap.All() {
			ids = append(ids, c.ID)
		}
		ids = append(ids, "azure-fundamentals")
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkCert, sinkBool = roadmap.Lookup(ids[i])
			if i++; i == len(ids) {
				i = 0
			}
		}
	})
	b.Run("200000 titles", func(b *testing.B) {
		certs := bigCatalog(200000)
		c, err := cert.NewCatalog(certs...)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkCert, sinkBool = c.Lookup(certs[(i*4099)%len(certs)].ID) // spread over the catalog
			i++
		}
	})
}

// BenchmarkTime measures the time package's nearest operations, for context:
// AddDate normalizes rather than clamps (RULES D3), so it is not a substitute.
func BenchmarkTime(b *testing.B) {
	ts := benchTimes()
	ss := benchTexts()
	var sinkTime time.Time
	b.Run("AddDate", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkTime = ts[i&1023].AddDate(0, 12, 0)
			i++
		}
	})
	b.Run("AppendFormat", func(b *testing.B) {
		buf := make([]byte, 0, 16)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			buf = ts[i&1023].AppendFormat(buf[:0], "2006-01-02")
			i++
		}
	})
	b.Run("Format", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkStr = ts[i&1023].Format("2006-01-02")
			i++
		}
	})
	b.Run("Parse", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkTime, _ = time.Parse("2006-01-02", ss[i&1023])
			i++
		}
	})
	_ = sinkTime
}
