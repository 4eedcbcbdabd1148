// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect_command.h"

#include "cli_choice.h"
#include "fanout/extract/extractor.h"
#include "fanout/io/file_reader.h"
#include "fanout/output/inspect_report.h"

#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fanout::cli {
namespace {

struct InspectOptions {
    std::vector<std::string> files;
    bool json = false;
    bool tree = false;
    std::optional<Grammar> grammar;
};

int runInspect(const InspectOptions& options) {
    // Tree-sitter, the reference: inspect is where people look at a file the scan misreads, and it
    // reports syntax errors, which the import lexer hands off rather than counts.
    Extractor extractor;
    extractor.setParser(ParserChoice::TreeSitter);
    std::vector<InspectedFile> inspected;
    std::vector<InspectFailure> failures;
    for (const auto& path : options.files) {
        const auto grammar = options.grammar ? options.grammar : grammarForPath(path);
        if (!grammar) {
            failures.push_back({path, "not a JavaScript/TypeScript file (expected .js .jsx .mjs "
                                      ".cjs .ts .tsx .mts .cts, or pass --grammar)"});
            continue;
        }
        auto contents = readFile(path);
        if (!contents.ok()) {
            failures.push_back({path, contents.error});
            continue;
        }
        if (options.tree) {
            std::cout << path << "\n" << extractor.syntaxTree(contents.bytes, *grammar) << "\n";
            continue;
        }
        try {
            inspected.push_back({path, extractor.extract(contents.bytes, *grammar)});
        } catch (const std::exception& error) {
            failures.push_back({path, error.what()});
            continue;
        }
        if (!options.json) {
            std::cout << (inspected.size() > 1 ? "\n" : "") << formatInspectText(inspected.back())
                      << std::flush;
        }
    }
    for (const auto& failure : failures) {
        std::cerr << "fanout inspect: " << failure.path << ": " << failure.message << "\n";
    }
    if (options.json) {
        std::cout << formatInspectJson(inspected, failures);
    }
    return failures.empty() ? 0 : 1;
}

} // namespace

std::function<int()> addInspectCommand(CLI::App& app) {
    auto options = std::make_shared<InspectOptions>();
    auto* command = app.add_subcommand(
        "inspect", "Report the imports, directives and statement counts of single files");
    command->add_option("FILE", options->files, "JavaScript or TypeScript files")
        ->type_name("")
        ->required();
    command->add_flag("--json", options->json, "Print one JSON document instead of text");
    command->add_flag("--tree", options->tree,
                      "Print each file's tree-sitter syntax tree (S-expression) instead");
    const std::map<std::string, Grammar> grammars{
        {"typescript", Grammar::TypeScript}, {"ts", Grammar::TypeScript}, {"tsx", Grammar::Tsx}};
    fanout::cli::choiceOf(
        command
            ->add_option("--grammar", options->grammar,
                         "Force a grammar (typescript or tsx) instead of choosing by extension")
            ->type_name("NAME"),
        grammars);
    return [options, command]() { return command->parsed() ? runInspect(*options) : -1; };
}

} // namespace fanout::cli
