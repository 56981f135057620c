//! Inputs the fuzz targets (`fuzz/`) found to crash a reader, each kept once fixed.
