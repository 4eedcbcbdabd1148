// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fanout/analysis/analysis.h"
#include "fanout/result/scan_result.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fanout {

// What `fanout diff` needs of a scan document (`fanout scan --json`): modules, packages,
// hotspots, the directive map, duplicates and the totals. Edges and the rest are skipped while
// reading, so a document of a 100,000-module scan is never held whole.
struct DocumentModule {
    std::string path; // relative to the scanned root, as the document writes it
    std::string env;
    std::string package; // "" for first-party modules
    std::uint64_t bytes = 0;
    std::string directive; // "none", "client" or "server"
    bool operator==(const DocumentModule&) const = default;
};

struct DocumentPackage {
    std::string name;
    std::string version;
    std::string root;
    std::uint64_t modules = 0;
    std::uint64_t bytes = 0;
    bool operator==(const DocumentPackage&) const = default;
};

struct DocumentHotspot {
    std::string path;
    std::string env;
    std::uint64_t reachModules = 0;
    std::uint64_t reachBytes = 0;
    bool operator==(const DocumentHotspot&) const = default;
};

// A package installed more than once: its copies as "version (root)".
struct DocumentDuplicatePackage {
    std::string name;
    std::vector<std::string> copies;
    bool operator==(const DocumentDuplicatePackage&) const = default;
};

struct DocumentStats {
    std::uint64_t modules = 0;
    std::uint64_t edges = 0;
    std::uint64_t bytesRead = 0;
    std::uint64_t unresolved = 0;
    // Absent from --reproducible documents.
    std::optional<double> wallMs;
    std::optional<std::uint64_t> peakResidentBytes;
    bool operator==(const DocumentStats&) const = default;
};

struct ScanDocument {
    std::string file; // where it was read from
    std::string root;
    std::vector<DocumentModule> modules;
    std::vector<DocumentPackage> packages;
    std::vector<DocumentHotspot> hotspots;
    std::vector<std::string> client;
    std::vector<std::string> server;
    std::vector<std::string> clientBoundaries;
    std::vector<std::string> serverActions;
    std::vector<std::string> duplicatePaths; // files reached under more than one path string
    std::vector<DocumentDuplicatePackage> duplicatePackages;
    DocumentStats stats;
    bool operator==(const ScanDocument&) const = default;
};

// A file that is not a readable scan document of a schema this build knows: the message says
// which file and why.
class ScanDocumentError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

ScanDocument readScanDocument(const std::string& path);

// The document of a scan still in memory (the desktop app's current or previous scan): what
// readScanDocument reads from the `fanout scan --json` of the same result, `file` aside.
ScanDocument documentOf(const ScanResult& result, const Analysis& analysis);

} // namespace fanout
