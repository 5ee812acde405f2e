#pragma once
// Stage "source": XML + data files -> model::Document, every node with its source position.
#include <optional>
#include <string>

#include "compose/base/diagnostics.h"
#include "compose/base/limits.h"
#include "compose/model/document.h"

namespace compose::source {

// The longest layout name (a file name in layouts/, with ".xml"); longer names are refused where
// they are written rather than handed to the file system.
constexpr std::size_t kMaxLayoutName = 100;

struct LoadOptions {
    bool draft = false;    // missing images are warnings (drawn as labelled boxes) instead of errors
    std::string lang;      // the edition's language: which <t xml:lang> variants are read; empty: the source's
    std::string fallback;  // the language that stands in (marked) where `lang` is missing; empty: none, an error
    base::Limits limits;   // file sizes, nesting depth, table rows, columns and cells, image pixels
    std::string root;      // data files and images must be inside this folder; empty: the source's own
};

// Reads and validates a report source. Returns nullopt when an error makes the document unusable;
// every problem found, fatal or not, is in `diags`.
std::optional<model::Document> load_document(const std::string& path, const LoadOptions& options,
                                             base::Diagnostics& diags);

// Same, from text already in memory (tests and fuzzing); `path` names it in diagnostics.
std::optional<model::Document> load_document_text(const std::string& path, std::string text,
                                                  const LoadOptions& options, base::Diagnostics& diags);

// The source's <people><correction>s applied to `data`, the participants table (as the loader
// does; compose data diff to a new version of the list): a correction naming a column the table
// lacks, or a key no row has, is an error at the correction.
void apply_corrections(const model::PeopleDecisions& people, model::DataFile& data, base::Diagnostics& diags);

// Every file the document was read from: the source, its data files and its images (what
// `compose watch` looks at).
std::vector<std::string> input_files(const model::Document& doc);

}  // namespace compose::source
