package ical_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy/agenda"
	"github.com/certrenew/certrenew/policy/agenda/ical"
)

// FuzzRender renders arbitrary agendas, with odd titles, MCIDs and
// summaries (Chinese, long, control characters, invalid UTF-8), and checks
// that the text parses back with a real parser to the same UIDs, summaries
// and days, in lines of at most 75 octets ending in CRLF, and is the same
// twice.
func FuzzRender(f *testing.F) {
	f.Add("azure-administrator", "1000001", "Renew: a, b; c\\d", int32(738000), uint8(agenda.Reminder), int64(0), int64(time.Hour))
	f.Add("认证-长标题-"+string(make([]byte, 0)), "用户", "您可以在 2022年1月15日 至 2022年7月14日 期间更新此认证。您可以在 2022年1月15日 至 2022年7月14日 期间更新此认证。", int32(1), uint8(agenda.LockoutLifts), int64(1643796000), int64(0))
	f.Add("x\r\ny", "\xff", "\x00\x7f\xc3", int32(3652059), uint8(agenda.Expires), int64(-1), int64(-5))
	f.Fuzz(func(t *testing.T, id, mcid, summary string, on int32, kind uint8, at, alarm int64) {
		d := cert.NewDate(2021, 1, 1).AddDays(int(on % 3000000))
		if d.IsZero() {
			d = cert.NewDate(2021, 1, 1)
		}
		k := agenda.Kinds[int(kind)%len(agenda.Kinds)]
		it := agenda.Item{Kind: k, Cert: cert.ID(id), On: d, Expires: d}
		if k == agenda.LockoutLifts {
			it.At = time.Unix(at%(1<<33), 0).UTC()
			it.On = cert.DateOf(it.At)
		}
		c := ical.Calendar{MCID: mcid, Stamp: stamp, Alarm: time.Duration(alarm), Summary: func(agenda.Item) string { return summary }}
		its := []agenda.Item{it, it}
		its[1].Kind = agenda.Kinds[(int(kind)+1)%len(agenda.Kinds)]
		if its[1].Kind == agenda.LockoutLifts && its[1].At.IsZero() {
			its[1].At = stamp
			its[1].On = cert.DateOf(stamp)
		}
		out := c.Render(its)
		if !bytes.Equal(out, c.Render(its)) {
			t.Fatal("not the same bytes twice")
		}
		checkParsed(t, c, its)
	})
}
