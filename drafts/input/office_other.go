//go:build !unix

package input

import "os/exec"

// ownProcessGroup leaves cmd as it is where process groups do not exist.
func ownProcessGroup(*exec.Cmd) {}
