package main

import (
	"encoding/xml"
	"slices"
	"strconv"
	"strings"

	"github.com/certrenew/certrenew/cert"
	"github.com/certrenew/certrenew/policy/explain"
)

// The drawing's layout, in pixels: the width, the column of the titles'
// labels and the span of the time axis, and the heights of its parts.
const (
	svgWidth   = 1280
	labelX     = 20   // where the labels of a row start
	plotX0     = 400  // where the time axis starts
	plotX1     = 1250 // where it ends
	rowsY      = 72   // where the first row starts
	laneH      = 30   // the height of a lane of bars within a row
	barH       = 12   // the height of a bar of validity
	bandH      = 22   // the height of the shading of a renewal window
	rowPad     = 10   // the space above and below a row's label
	nameLineH  = 17   // the height of a line of a title's name
	smallLineH = 15   // the height of a line of the smaller labels
	nameCols   = 40   // the columns after which a title's name wraps
	legendColW = 300  // the width of a column of the legend
)

// The drawing's colours.
const (
	colorBar     = "#2563eb" // the current credential
	colorEarlier = "#93b4f0" // an earlier credential
	colorWindow  = "#f59e0b" // a renewal window, shaded
	colorRemind  = "#7c3aed" // a reminder
	colorRenewal = "#059669" // a renewal
	colorFailed  = "#dc2626" // a failed attempt
	colorToday   = "#dc2626" // the line of today
	colorText    = "#111827"
	colorMuted   = "#4b5563"
	colorGrid    = "#e5e7eb"
	colorZebra   = "#f5f7fa"
)

// svg returns the timeline as a standalone SVG document, in the words of
// l: one row per title, in the order of the table, with its name, level,
// ID and days on the left; on a time axis with a tick at the start of
// each year, each credential's validity as a bar from the day it was
// earned to its expiry (to the axis's end for one that never expires),
// earlier credentials in a lighter colour and on a lane of their own where
// they overlap another; each renewal window shaded, to its closing or to
// the day a renewal ended it; the reminders, renewals and failed attempts
// marked; a vertical line on today; and a legend. The same timeline gives
// the same bytes: the text is escaped by encoding/xml and every number is
// written with one decimal at most.
func (tl timeline) svg(l explain.Language) []byte {
	d := drawing{l: l, today: tl.Today}
	d.scale(tl)
	rows := make([]svgRow, len(tl.Credentials))
	y := float64(rowsY)
	for i, lc := range tl.Credentials {
		rows[i] = d.layout(lc, y)
		y += rows[i].h
	}
	axisY := y + 8
	legendY := axisY + 52
	height := legendY + 2*24 + 8

	b := &d.b
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="` + num(svgWidth) + `" height="` + num(height) +
		`" viewBox="0 0 ` + num(svgWidth) + " " + num(height) + `" font-family="'Noto Sans', 'Noto Sans CJK SC', 'DejaVu Sans', sans-serif">` + "\n")
	title := say(wSVGTitle, tl.MCID, tl.Today).in(l)
	d.elem("title", "", title)
	b.WriteString(`<defs><linearGradient id="never" x1="0" x2="1" y1="0" y2="0">` +
		`<stop offset="0.6" stop-color="` + colorBar + `"/><stop offset="1" stop-color="` + colorBar + `" stop-opacity="0.05"/>` +
		"</linearGradient></defs>\n")
	d.rect("background", 0, 0, svgWidth, height, `fill="#ffffff"`)
	d.text(labelX, 32, 18, "bold", colorText, "start", title)

	// Behind the rows: every other row shaded, and a line at each year.
	for i, r := range rows {
		if i%2 == 1 {
			d.rect("zebra", labelX-12, r.y, plotX1-labelX+24, r.h, `fill="`+colorZebra+`"`)
		}
	}
	for _, t := range d.ticks {
		d.line("grid", t.x, rowsY, t.x, axisY, `stroke="`+colorGrid+`" stroke-width="1"`)
	}

	for i, lc := range tl.Credentials {
		d.row(lc, rows[i])
	}

	// Today, on top of the rows.
	tx := d.x(tl.Today)
	d.line("today", tx, rowsY-8, tx, axisY, `stroke="`+colorToday+`" stroke-width="1.5" stroke-dasharray="5 3"`)
	anchor := "middle"
	switch {
	case tx < plotX0+60:
		anchor = "start"
	case tx > plotX1-60:
		anchor = "end"
	}
	d.text(tx, rowsY-14, 12, "bold", colorToday, anchor, say(wSVGToday, tl.Today).in(l))

	// The axis.
	d.line("axis", plotX0, axisY, plotX1, axisY, `stroke="`+colorMuted+`" stroke-width="1"`)
	for _, t := range d.ticks {
		d.line("tick", t.x, axisY, t.x, axisY+6, `stroke="`+colorMuted+`" stroke-width="1"`)
		if t.label {
			d.text(t.x, axisY+21, 12, "", colorMuted, "middle", say(wYear, t.year).in(l))
		}
	}

	d.legend(legendY)
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

// A drawing is an SVG document being written, in the words of l, with the
// scale of its time axis: from the day start to the day end, with a tick
// at the start of each year between.
type drawing struct {
	l          explain.Language
	today      cert.Date
	b          strings.Builder
	start, end cert.Date
	ticks      []tick
}

// A tick is the start of a year on the axis, at x, labelled or not.
type tick struct {
	year  int
	x     float64
	label bool
}

// scale sets the axis of d to whole years, from the first of January
// before the earliest day of tl (a credential earned, a window opening,
// an event, today) to the first of January after the latest (an expiry,
// an event, today).
func (d *drawing) scale(tl timeline) {
	first, last := tl.Today, tl.Today
	see := func(day cert.Date) {
		if day.IsZero() {
			return
		}
		if day.Before(first) {
			first = day
		}
		if day.After(last) {
			last = day
		}
	}
	for _, lc := range tl.Credentials {
		for _, cr := range credentials(lc) {
			see(cr.Earned)
			see(cr.Expires)
		}
		for _, w := range lc.windows {
			see(w.From)
			see(w.To)
		}
		for _, e := range lc.Events {
			see(e.Day)
		}
	}
	y0, _, _ := first.Date()
	y1, _, _ := last.Date()
	d.start = cert.NewDate(y0, 1, 1)
	d.end = cert.NewDate(y1+1, 1, 1)
	if d.end.IsZero() { // the year after 9999: end on its last day
		d.end = cert.NewDate(9999, 12, 31)
	}
	years := y1 + 1 - y0
	every := 1 // label every year, or fewer where years are narrow
	for _, n := range []int{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000} {
		every = n
		if float64(plotX1-plotX0)/float64(years)*float64(n) >= 48 {
			break
		}
	}
	for y := y0; y <= y1+1; y++ {
		day := cert.NewDate(y, 1, 1)
		if day.IsZero() || day.After(d.end) {
			break
		}
		d.ticks = append(d.ticks, tick{y, d.x(day), (y-y0)%every == 0})
	}
}

// x returns the abscissa of day on the axis, clamped to it.
func (d *drawing) x(day cert.Date) float64 {
	switch {
	case day.IsZero() || !day.Before(d.end):
		return plotX1
	case day.Before(d.start):
		return plotX0
	}
	return plotX0 + float64(plotX1-plotX0)*float64(day.DaysSince(d.start))/float64(d.end.DaysSince(d.start))
}

// credentials returns the credentials of lc's title, earlier ones first,
// in the order they ceased to be, and the current one last.
func credentials(lc lifecycle) []cert.Credential {
	var crs []cert.Credential
	for _, cy := range lc.Earlier {
		crs = append(crs, cy.Credential())
	}
	return append(crs, lc.current)
}

// An svgRow is the layout of one title's row: its top y and height, the
// lines of its name, and the lane of each of its credentials by the day
// it was earned (two credentials of a title earned on one day, which only
// a merge can give, share the lane of the later).
type svgRow struct {
	y, h  float64
	name  []string
	lanes int
	lane  map[cert.Date]int
}

// layout lays out the row of lc with its top at y: the current
// credential on the first lane, each earlier one, latest first, on the
// first lane where it overlaps no other, and the row as high as its
// labels or its lanes need.
func (d *drawing) layout(lc lifecycle, y float64) svgRow {
	r := svgRow{y: y, name: wrap(lc.Name, nameCols), lane: map[cert.Date]int{}}
	crs := credentials(lc)
	slices.Reverse(crs)
	var lanes [][]cert.Credential
	for _, cr := range crs {
		k := slices.IndexFunc(lanes, func(lane []cert.Credential) bool {
			return !slices.ContainsFunc(lane, func(o cert.Credential) bool { return overlap(cr, o) })
		})
		if k < 0 {
			k = len(lanes)
			lanes = append(lanes, nil)
		}
		lanes[k] = append(lanes[k], cr)
		r.lane[cr.Earned] = k
	}
	r.lanes = max(len(lanes), 1)
	labels := 2*rowPad + float64(len(r.name))*nameLineH + 2*smallLineH
	r.h = max(labels, float64(r.lanes)*laneH+2*rowPad)
	return r
}

// overlap reports whether the validity of a and b, each from the day
// earned to the expiry (for ever when it never expires), share a day.
func overlap(a, b cert.Credential) bool {
	before := func(from, until cert.Date) bool { return until.IsZero() || from.Before(until) }
	return before(a.Earned, b.Expires) && before(b.Earned, a.Expires)
}

// row draws lc in its row r: the labels, then the windows, the bars and
// the marks of each lane.
func (d *drawing) row(lc lifecycle, r svgRow) {
	l := d.l
	d.b.WriteString(`<g class="row" data-cert="` + escape(string(lc.Cert)) + `">` + "\n")
	y := r.y + rowPad + 13
	for _, line := range r.name {
		d.text(labelX, y, 13, "bold", colorText, "start", line)
		y += nameLineH
	}
	y += 2
	d.text(labelX, y, 12, "", colorMuted, "start", levelWord(lc.Level).in(l)+say(wSVGSep).in(l)+string(lc.Cert))
	y += smallLineH
	d.text(labelX, y, 12, "", colorMuted, "start", daysText(lc.current, d.today).in(l))

	barsTop := r.y + (r.h-float64(r.lanes)*laneH)/2
	center := func(of cert.Date) float64 {
		return barsTop + float64(r.lane[of])*laneH + laneH/2
	}
	for _, w := range lc.windows {
		x0, x1 := d.x(w.From), d.x(w.To)
		d.rect("window", x0, center(w.Of)-bandH/2, max(x1-x0, 1), bandH,
			`fill="`+colorWindow+`" fill-opacity="0.3" rx="2"`, say(wSVGWindowTip, w.From, w.To.AddDays(-1)).in(l))
	}
	crs := credentials(lc)
	for i, cr := range crs {
		fill := colorEarlier
		if i == len(crs)-1 {
			fill = colorBar
		}
		x0, x1 := d.x(cr.Earned), d.x(cr.Expires)
		tip := say(wSVGValid, cr.Earned, cr.Expires.AddDays(-1))
		if cr.Expires.IsZero() {
			fill, tip = "url(#never)", say(wSVGValidNever, cr.Earned)
		}
		d.rect("bar", x0, center(cr.Earned)-barH/2, max(x1-x0, 1), barH, `fill="`+fill+`" rx="3"`, tip.in(l))
	}
	for _, e := range lc.Events {
		x, cy := d.x(e.Day), center(e.of)
		tip := explain.Date(l, e.Day) + say(wSVGTipSep).in(l) + e.What.in(l)
		switch e.mark {
		case markReminder:
			top := cy - barH/2 - 1
			d.shape("reminder", "polygon", `points="`+pts(x-4, top-7, x+4, top-7, x, top)+`" fill="`+colorRemind+`"`, tip)
		case markRenewal:
			d.shape("renewal", "polygon", `points="`+pts(x, cy-7, x+7, cy, x, cy+7, x-7, cy)+`" fill="`+colorRenewal+`" stroke="#ffffff" stroke-width="1.5"`, tip)
		case markFailed:
			c := cy + barH/2 + 6
			d.shape("failed", "path", `d="M`+pts(x-3, c-3)+`L`+pts(x+3, c+3)+`M`+pts(x-3, c+3)+`L`+pts(x+3, c-3)+`" stroke="`+colorFailed+`" stroke-width="1.8" fill="none"`, tip)
		}
	}
	d.b.WriteString("</g>\n")
}

// daysText says when the credential cr was earned and when it expires,
// or expired by today, or that it never expires.
func daysText(cr cert.Credential, today cert.Date) phrase {
	until := say(wStatusExpires, cr.Expires)
	switch {
	case cr.Expires.IsZero():
		until = say(wStatusNever)
	case !cr.Expires.After(today):
		until = say(wStatusExpired, cr.Expires)
	}
	return say(wSVGDays, cr.Earned, until)
}

// legend draws the legend in two lines from y.
func (d *drawing) legend(y float64) {
	l := d.l
	d.b.WriteString(`<g class="legend">` + "\n")
	items := []struct {
		w    word
		draw func(x, y float64)
	}{
		{wLegendBar, func(x, y float64) { d.rect("", x, y-barH/2, 28, barH, `fill="`+colorBar+`" rx="3"`) }},
		{wLegendEarlier, func(x, y float64) { d.rect("", x, y-barH/2, 28, barH, `fill="`+colorEarlier+`" rx="3"`) }},
		{wLegendNever, func(x, y float64) { d.rect("", x, y-barH/2, 28, barH, `fill="url(#never)" rx="3"`) }},
		{wLegendWindow, func(x, y float64) {
			d.rect("", x, y-bandH/2, 28, bandH, `fill="`+colorWindow+`" fill-opacity="0.3" rx="2"`)
		}},
		{wLegendReminder, func(x, y float64) {
			d.shape("", "polygon", `points="`+pts(x+10, y-4, x+18, y-4, x+14, y+3)+`" fill="`+colorRemind+`"`, "")
		}},
		{wLegendRenewal, func(x, y float64) {
			d.shape("", "polygon", `points="`+pts(x+14, y-7, x+21, y, x+14, y+7, x+7, y)+`" fill="`+colorRenewal+`"`, "")
		}},
		{wLegendFailed, func(x, y float64) {
			d.shape("", "path", `d="M`+pts(x+11, y-3)+`L`+pts(x+17, y+3)+`M`+pts(x+11, y+3)+`L`+pts(x+17, y-3)+`" stroke="`+colorFailed+`" stroke-width="1.8" fill="none"`, "")
		}},
		{wLegendToday, func(x, y float64) {
			d.line("", x+14, y-10, x+14, y+10, `stroke="`+colorToday+`" stroke-width="1.5" stroke-dasharray="5 3"`)
		}},
	}
	for i, it := range items {
		x := float64(labelX + i%4*legendColW)
		cy := y + float64(i/4)*24
		it.draw(x, cy)
		d.text(x+38, cy+4, 12, "", colorText, "start", say(it.w).in(l))
	}
	d.b.WriteString("</g>\n")
}

// wrap breaks a title's name into lines of at most cols columns where it
// can: after a colon, as in "Microsoft Certified:", and between words.
func wrap(name string, cols int) []string {
	var lines []string
	for _, part := range strings.SplitAfter(name, ": ") {
		line := ""
		for _, w := range strings.Fields(part) {
			switch {
			case line == "":
				line = w
			case width(line)+1+width(w) <= cols:
				line += " " + w
			default:
				lines = append(lines, line)
				line = w
			}
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}

// elem writes an element of text, with a class if it is not "".
func (d *drawing) elem(name, class, text string) {
	d.b.WriteString("<" + name)
	if class != "" {
		d.b.WriteString(` class="` + class + `"`)
	}
	d.b.WriteString(">" + escape(text) + "</" + name + ">\n")
}

// text writes a text at x, y.
func (d *drawing) text(x, y float64, size int, weight, fill, anchor, s string) {
	d.b.WriteString(`<text x="` + num(x) + `" y="` + num(y) + `" font-size="` + strconv.Itoa(size) + `"`)
	if weight != "" {
		d.b.WriteString(` font-weight="` + weight + `"`)
	}
	d.b.WriteString(` fill="` + fill + `"`)
	if anchor != "start" {
		d.b.WriteString(` text-anchor="` + anchor + `"`)
	}
	d.b.WriteString(">" + escape(s) + "</text>\n")
}

// rect writes a rectangle with the attributes attrs, and the tip, if
// there is one, as its title.
func (d *drawing) rect(class string, x, y, w, h float64, attrs string, tip ...string) {
	d.shape(class, "rect", `x="`+num(x)+`" y="`+num(y)+`" width="`+num(w)+`" height="`+num(h)+`" `+attrs, tip...)
}

// line writes a line from x0, y0 to x1, y1.
func (d *drawing) line(class string, x0, y0, x1, y1 float64, attrs string) {
	d.shape(class, "line", `x1="`+num(x0)+`" y1="`+num(y0)+`" x2="`+num(x1)+`" y2="`+num(y1)+`" `+attrs)
}

// shape writes an element name with a class if it is not "", the
// attributes attrs, and the tip, if it is not "", as its title.
func (d *drawing) shape(class, name, attrs string, tip ...string) {
	d.b.WriteString("<" + name)
	if class != "" {
		d.b.WriteString(` class="` + class + `"`)
	}
	d.b.WriteString(" " + attrs)
	if len(tip) == 0 || tip[0] == "" {
		d.b.WriteString("/>\n")
		return
	}
	d.b.WriteString("><title>" + escape(tip[0]) + "</title></" + name + ">\n")
}

// pts writes the coordinates xy as x,y pairs separated by spaces.
func pts(xy ...float64) string {
	var s []string
	for i := 0; i+1 < len(xy); i += 2 {
		s = append(s, num(xy[i])+","+num(xy[i+1]))
	}
	return strings.Join(s, " ")
}

// num writes v with one decimal, or none when it is whole.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		return "0"
	}
	return s
}

// escape returns s escaped for the text of an element or the value of an
// attribute in quotes, by xml.EscapeText.
func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}
