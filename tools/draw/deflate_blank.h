#pragma once
// Hand-written deflate blocks for runs of blank PNG rows.
//
// After the Up filter, a row identical to the one above is its filter-type
// byte followed only by zeros. Diagrams have many such rows (margins, the
// inside of boxes), and zlib spends as long on them as on real content, at
// about 1 ns per byte. Describing them directly costs almost nothing.
#include <cstddef>
#include <cstdint>
#include <string>

namespace wb::draw {

// Writes at out[*end...] (growing `out` as needed, advancing *end) one
// non-final deflate block with fixed Huffman codes that decodes to `rows`
// repetitions of: `type`, then `zeros` zero bytes. An empty stored block
// follows so the output ends on a byte boundary, as after zlib's
// Z_FULL_FLUSH. The block refers to no earlier data, so it can sit between
// fully flushed zlib output in one deflate stream.
void deflate_blank_rows(std::string& out, size_t* end, uint8_t type, size_t zeros, size_t rows);

}  // namespace wb::draw
