# Merged tree, real-image and CLI suites (sources in tests/core/tree/).
set(BALLAST_TREE_TESTS ${CMAKE_CURRENT_SOURCE_DIR}/tree)

# The merged tree against hand-derived expectations, layers built in memory (no archives).
ballast_add_test(test_merged_tree ${BALLAST_TREE_TESTS}/test_merged_tree.cpp
  ${BALLAST_TREE_TESTS}/LayerSpec.h ${BALLAST_TREE_TESTS}/ReferenceMerge.h)

# The committed real images (tests/data/real, resources/sample) against their oracle expected.json.
ballast_add_test(test_real_images ${BALLAST_TREE_TESTS}/test_real_images.cpp ${BALLAST_TREE_TESTS}/ReferenceMerge.h)

# `ballast-cli analyze` run through QProcess on the sample image.
ballast_add_test(test_cli_analyze ${BALLAST_TREE_TESTS}/test_cli_analyze.cpp)
target_compile_definitions(test_cli_analyze PRIVATE
  BALLAST_CLI_PATH="$<TARGET_FILE:ballast-cli>" BALLAST_EXPECTED_VERSION="${PROJECT_VERSION}"
  BALLAST_EXPECTED_LIBARCHIVE="${LibArchive_VERSION}")
add_dependencies(test_cli_analyze ballast-cli)

# Hardlinks: carrier, other names and the bytes a directory of links names, on hand-made layers.
ballast_add_test(test_hardlinks ${BALLAST_TREE_TESTS}/test_hardlinks.cpp ${BALLAST_TREE_TESTS}/LayerSpec.h)
