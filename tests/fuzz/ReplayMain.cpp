// Replays files through a fuzz target's LLVMFuzzerTestOneInput, as libFuzzer would run them: the
// `fuzz_<name>_regressions` tests feed it the seeds and every crash ever found, with any compiler.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

std::vector<std::filesystem::path> inputsIn(const std::filesystem::path &directory)
{
    std::vector<std::filesystem::path> files;
    for (const auto &item : std::filesystem::recursive_directory_iterator(directory)) {
        // Dot files (.gitkeep) only keep empty directories in git.
        if (item.is_regular_file() && item.path().filename().string().front() != '.')
            files.push_back(item.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DIRECTORY...\n", argv[0]);
        return 2;
    }
    size_t total = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path directory = argv[i];
        if (!std::filesystem::is_directory(directory)) {
            std::fprintf(stderr, "%s: no such directory\n", directory.c_str());
            return 1;
        }
        const auto files = inputsIn(directory);
        for (const auto &file : files) {
            std::ifstream in(file, std::ios::binary);
            const std::vector<char> bytes { std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>() };
            if (!in.good() && !in.eof()) {
                std::fprintf(stderr, "%s: cannot read\n", file.c_str());
                return 1;
            }
            std::fprintf(stderr, "replaying %s (%zu bytes)\n", file.c_str(), bytes.size());
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size());
        }
        std::printf("%s: replayed %zu files\n", directory.c_str(), files.size());
        total += files.size();
    }
    std::printf("replayed %zu files in all\n", total);
    return 0;
}
