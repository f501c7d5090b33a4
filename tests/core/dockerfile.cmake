# Dockerfile parser, layer mapping, lint rules and the lint/analyze CLI (sources in tests/core/dockerfile/).
set(_df ${CMAKE_CURRENT_LIST_DIR}/dockerfile)
set(_df_support ${_df}/DockerfileTestSupport.h)

# The parser, one data-driven table per construct, cases from the Dockerfile reference.
ballast_add_test(test_parser_lines ${_df}/test_parser_lines.cpp ${_df_support})
ballast_add_test(test_parser_instructions ${_df}/test_parser_instructions.cpp ${_df_support})
ballast_add_test(test_parser_variables ${_df}/test_parser_variables.cpp ${_df_support})

# hadolint's rules, one file per rule (snippets that must and must not fire, with lines), built into one
# program; ShellCommands.cpp checks the shell reading they share.
file(GLOB _df_rules ${_df}/rules/DL*.cpp)
ballast_add_test(test_lint_rules ${_df}/rules/main.cpp ${_df}/rules/ShellCommands.cpp ${_df_rules}
  ${_df}/rules/RuleTestSupport.h ${_df_support})

# Instructions of the final stage → history entries and layers: the committed real images (sizes from
# their expected.json) and histories as each builder writes them.
ballast_add_test(test_layer_mapping ${_df}/test_layer_mapping.cpp ${_df_support})

# Ballast's image rules (bytes per line) on the sample image and on layers built in memory.
ballast_add_test(test_image_rules ${_df}/test_image_rules.cpp ${_df_support})

# The engine: pragmas, parse errors, severities, quick fixes, re-lint speed (printed).
ballast_add_test(test_lint_engine ${_df}/test_lint_engine.cpp ${_df_support})

# `ballast-cli lint` (exit codes, JSON, text) and `analyze --dockerfile` through QProcess.
ballast_add_test(test_cli_lint ${_df}/test_cli_lint.cpp)
target_compile_definitions(test_cli_lint PRIVATE BALLAST_CLI_PATH="$<TARGET_FILE:ballast-cli>")
add_dependencies(test_cli_lint ballast-cli)

# The image rules' quick fixes (BA1001 cleanup, BA1005 rm moved): exact texts after the fix, written by
# hand, on images built in memory and on the sample.
ballast_add_test(test_image_fixes ${_df}/test_image_fixes.cpp ${_df_support})
