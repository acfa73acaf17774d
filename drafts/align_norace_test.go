//go:build !race

package drafts

const alignRace = false
