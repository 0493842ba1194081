package importer

// Limits that keep a hostile or mistaken file from exhausting memory: any
// file is read, or refused, in well under 200 MB. Each is far above what a
// real roster needs.
const (
	MaxFileSize   = 30 << 20  // a roster of 50,000 people is under 10 MB
	MaxUnzipped   = 100 << 20 // refuses zip bombs
	MaxRows       = 50_000    // data rows
	MaxColumns    = 64        // columns read; cells further right are reported, not read
	headerLookout = 15        // rows searched for the header
	maxHeaderRows = 3         // rows a header may span (group titles over column names)

	// An .xlsx sheet: Excel itself has at most 16,384 columns; the cell
	// elements of a sheet and the merged ranges are counted as they stream.
	excelColumns  = 16_384
	excelRows     = 1_048_576
	maxSheetCells = 4_000_000
	maxMerges     = 200_000
	// Shared strings are held while a sheet is read: their number and
	// total size are bounded.
	maxSharedStrings = 1_000_000
	maxSharedBytes   = 32 << 20
	// The text kept in cells of one sheet.
	maxCellBytes = 48 << 20
)
