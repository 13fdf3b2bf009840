// Package explain answers how to tell a holder, in their own language, what
// the library decided: it puts decisions, refusals and agenda items into
// sentences, in English and in Simplified Chinese.
//
// # Languages
//
// A [Language] is chosen by a BCP 47 tag with [Match]: "zh", "zh-CN",
// "zh-Hans" and "zh-Hans-CN" give [Chinese], in any case and with "_" for
// "-"; every other tag, the empty one too, gives [English]. Traditional
// Chinese ("zh-TW", "zh-Hant") falls back to English: [Lookup] says why,
// and reports whether a tag was matched at all.
//
// Nothing here reads a clock or does I/O; every value is safe to share
// between goroutines.
package explain
