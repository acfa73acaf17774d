package workspace

// StoreOf is the workspace's store, for the workspace's own tests (the
// external ones among them) and no one else: the front ends go through
// the workspace's methods.
func StoreOf(w *Workspace) Store { return w.db }
