//go:build race

package templates

const raceEnabled = true
