//! docs layer
