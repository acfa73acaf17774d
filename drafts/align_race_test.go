//go:build race

package drafts

// alignRace is true under the race detector, which makes the 10,000-clause
// alignment tests too slow to run.
const alignRace = true
