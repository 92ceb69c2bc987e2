package fake

// Convert returns f applied to each element of in, in order: a fake uses
// it to turn the kit's recorded Requests into its own exported Request
// type.
func Convert[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}
