// Placeholder until this library has sources of its own; delete when adding the first file.
