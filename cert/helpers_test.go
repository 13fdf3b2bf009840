package cert_test

// The tests of every package of certrenew are laid out alike:
//
//	<source>_test.go  table tests of <source>.go, named after its rules:
//	                  date_test.go, catalog_test.go, cert_test.go, level_test.go,
//	                  roadmap_test.go, errors_test.go; date_zones_test.go and
//	                  catalog_big_test.go are the long tables of date.go and
//	                  catalog.go, race_on_test.go and race_off_test.go their
//	                  build-tagged settings, lookup_internal_test.go the one
//	                  test inside the package
//	props_test.go     every property of the package, one TestProp<Rules>_<What>
//	                  each, with the generators only properties use
//	helpers_test.go   helpers that tests of more than one file share
//	fuzz_test.go      the fuzz targets
//	bench_test.go     the benchmarks
//	alloc_test.go     TestNoAllocs, and inlining_test.go which small methods inline
//	example_test.go   the examples of the package doc

import "github.com/certrenew/certrenew/cert"

// day is MustParseDate, for literal days in tests.
var day = cert.MustParseDate
