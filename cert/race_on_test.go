//go:build race

package cert_test

// raceEnabled reports whether the race detector is on, which makes the
// largest tests some ten times slower and finds nothing more in them.
const raceEnabled = true
