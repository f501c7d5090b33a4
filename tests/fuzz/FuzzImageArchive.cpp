// fuzz_image_archive: the input is a whole image archive. Loads it as `ballast-cli analyze` does
// (format detection, outer compression, manifest/index/config JSON, every layer, the merged tree),
// then analyses it and writes every report. Digests are verified for one input length in four: with
// verification the fuzzer mostly meets digest errors, without it it reaches the layers and the tree
// whatever their content. (Tar archives are multiples of 512 bytes, so their seeds load unverified.)
#include "FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = fuzz::writeScratchFile("image.tar", data, size);
    ballast::LoadOptions options;
    options.threads = 1;
    options.verifyDigests = size % 4 == 1;
    std::shared_ptr<const ballast::Image> image;
    try {
        image = ballast::ImageLoader(options).load(path);
    } catch (const ballast::LoadError &error) {
        FUZZ_CHECK(!error.message().isEmpty(), "load errors say what was wrong");
        return 0;
    } catch (const ballast::LoadCancelled &) {
        FUZZ_CHECK(false, "nobody cancelled the load");
    }
    FUZZ_CHECK(image->layers.size() == size_t(image->tree.layerCount()), "a tree layer per layer");
    fuzz::exerciseImage(*image);
    return 0;
}
