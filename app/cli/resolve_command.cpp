// SPDX-License-Identifier: GPL-3.0-or-later
#include "resolve_command.h"

#include "cli_choice.h"
#include "fanout/resolve/resolver.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace fanout::cli {
namespace {

namespace fs = std::filesystem;

struct ResolveOptions {
    std::string root;
    std::string from;
    std::string specifier;
    std::vector<std::string> conditions;
    std::vector<std::string> mainFields;
    std::string tsconfig;
    bool noTsconfig = false;
    bool browserField = false;
    bool caseInsensitive = false;
    ImportKind kind = ImportKind::Import;
    bool explain = false;
    bool json = false;
};

// Paths inside the root are shown relative to it, as in every other Fanout output.
std::string display(const std::string& path, const std::string& root) {
    if (!root.empty() && path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
        path[root.size()] == '/') {
        return path.substr(root.size() + 1);
    }
    return path;
}

ResolverConfig configFor(const ResolveOptions& options, const std::string& root) {
    ResolverConfig config;
    config.conditions = options.conditions;
    if (!options.mainFields.empty()) {
        config.mainFields = options.mainFields;
    }
    config.browserField = options.browserField;
    if (options.caseInsensitive) {
        config.letterCase = LetterCase::Insensitive;
    }
    if (!options.noTsconfig) {
        if (!options.tsconfig.empty()) {
            config.tsconfig = fs::absolute(options.tsconfig).lexically_normal().string();
        } else {
            // As a scan does: the tsconfig nearest to the importer, the root's where none is.
            config.nearestTsconfig = true;
            if (fs::is_regular_file(fs::path(root) / "tsconfig.json")) {
                config.tsconfig = (fs::path(root) / "tsconfig.json").string();
            }
        }
    }
    return config;
}

void printText(const Resolution& result, const std::string& root) {
    if (result.kind != ResolutionKind::File) {
        std::cout << toString(result.kind) << "  "
                  << (result.kind == ResolutionKind::Unresolved ? result.reason : result.path)
                  << "\n";
        if (result.kind == ResolutionKind::External || result.kind == ResolutionKind::Ignored) {
            std::cout << "reason    " << result.reason << "\n";
        }
        if (!result.caseVariantOf.empty()) {
            std::cout << "case variant of  " << display(result.caseVariantOf, root) << "\n";
        }
        return;
    }
    std::cout << "resolved  " << display(result.path, root) << "\n";
    if (result.requestedPath != result.path) {
        std::cout << "alias     " << display(result.requestedPath, root)
                  << (result.caseVariant ? "  (other letter case than on disk)" : "") << "\n";
    }
    if (result.package) {
        std::cout << "package   " << result.package->name << "@" << result.package->version << "  "
                  << display(result.package->root, root) << "\n";
    }
    if (!result.query.empty()) {
        std::cout << "query     " << result.query << "\n";
    }
    if (result.asset) {
        std::cout << "asset     yes (resolved, not parsed)\n";
    }
}

void printJson(const Resolution& result, const std::string& root) {
    nlohmann::ordered_json out{{"kind", toString(result.kind)}};
    out["path"] = result.kind == ResolutionKind::File ? display(result.path, root) : result.path;
    if (result.kind == ResolutionKind::File) {
        out["requestedPath"] = display(result.requestedPath, root);
        out["caseVariant"] = result.caseVariant;
        out["asset"] = result.asset;
    }
    out["query"] = result.query;
    if (result.package) {
        out["package"] = {{"name", result.package->name},
                          {"version", result.package->version},
                          {"root", display(result.package->root, root)}};
    }
    if (!result.reason.empty()) {
        out["reason"] = result.reason;
    }
    if (!result.caseVariantOf.empty()) {
        out["caseVariantOf"] = display(result.caseVariantOf, root);
    }
    std::cout << out.dump(2) << "\n";
}

int runResolve(const ResolveOptions& options) {
    std::error_code error;
    const auto from = fs::canonical(options.from, error);
    if (error) {
        std::cerr << "fanout resolve: " << options.from << ": " << error.message() << "\n";
        return 3;
    }
    const auto root =
        fs::canonical(options.root.empty() ? fs::current_path() : fs::path(options.root), error);
    if (error) {
        std::cerr << "fanout resolve: " << options.root << ": " << error.message() << "\n";
        return 3;
    }
    auto cache = std::make_shared<ResolverCache>();
    const Resolver resolver(configFor(options, root.string()), cache);
    std::vector<std::string> trace;
    const auto result = resolver.resolve(from.string(), options.specifier, options.kind,
                                         options.explain ? &trace : nullptr);
    for (const auto& step : trace) {
        std::cerr << step << "\n";
    }
    for (const auto& diagnostic : cache->diagnostics()) {
        std::cerr << "warning: " << diagnostic.path << ": " << diagnostic.message << "\n";
    }
    if (options.json) {
        printJson(result, root.string());
    } else {
        printText(result, root.string());
    }
    return result.kind == ResolutionKind::Unresolved ? 1 : 0;
}

} // namespace

std::function<int()> addResolveCommand(CLI::App& app) {
    auto options = std::make_shared<ResolveOptions>();
    auto* command = app.add_subcommand(
        "resolve", "Resolve one specifier from one file the way a bundler does, and say why");
    command->add_option("FROM", options->from, "The importing file")->type_name("")->required();
    command->add_option("SPECIFIER", options->specifier, "What it imports")
        ->type_name("")
        ->required();
    command
        ->add_option("--root", options->root,
                     "Project root: paths are shown relative to it, and its tsconfig.json "
                     "applies where no tsconfig is nearer to FROM (default: the current folder)")
        ->type_name("DIR");
    command
        ->add_option("--condition,-C", options->conditions,
                     "An export condition (repeatable), besides import/require and default")
        ->type_name("NAME")
        ->allow_extra_args(false);
    command
        ->add_option("--main-field", options->mainFields,
                     "Package.json main fields in order (repeatable; default: module, main)")
        ->type_name("FIELD")
        ->allow_extra_args(false);
    command
        ->add_option("--tsconfig", options->tsconfig,
                     "The tsconfig.json to apply (default: the one nearest to FROM)")
        ->type_name("FILE");
    command->add_flag("--no-tsconfig", options->noTsconfig, "Apply no tsconfig paths/baseUrl");
    command->add_flag("--browser-field", options->browserField,
                      "Honour the object form of package.json \"browser\"");
    command->add_flag("--case-insensitive", options->caseInsensitive,
                      "Resolve as on a case-insensitive file system (macOS, Windows)");
    const std::map<std::string, ImportKind> kinds{{"import", ImportKind::Import},
                                                  {"require", ImportKind::Require}};
    fanout::cli::choiceOf(
        command->add_option("--kind", options->kind, "import (default) or require")
            ->type_name("KIND"),
        kinds);
    command->add_flag("--explain", options->explain, "Print every step tried (on stderr)");
    command->add_flag("--json", options->json, "Print the result as JSON");
    return [options, command]() { return command->parsed() ? runResolve(*options) : -1; };
}

} // namespace fanout::cli
