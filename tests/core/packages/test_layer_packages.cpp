// What a layer installed, for the Dockerfile line that made it, on a Debian-like image written for
// the test: layer 1 installs curl (300 bytes) and libcurl4 (200), which apt's extended_states marks
// as installed automatically, and leaves a 2000-byte apt cache. Figures are fixture string lengths.
#include "FormatTestSupport.h"

#include "analysis/ImageAnalysis.h"
#include "report/LayerPackages.h"
#include "util/ByteFormat.h"

#include <QTemporaryDir>

using namespace ballast::test;
using namespace fixture;

class TestLayerPackages : public QObject {
    Q_OBJECT
private slots:
    void whatTheAptLayerInstalled();
};

void TestLayerPackages::whatTheAptLayerInstalled()
{
    QTemporaryDir dir;
    const std::string base = "Package: bash\nStatus: install ok installed\nVersion: 5.2.15-3\n\n";
    const std::string final = base
        + "Package: curl\nStatus: install ok installed\nVersion: 7.88.1-10\n\n"
          "Package: libcurl4\nStatus: install ok installed\nVersion: 7.88.1-10\n\n";
    const std::string states = "Package: libcurl4\nArchitecture: amd64\nAuto-Installed: 1\n\n"
                               "Package: curl\nArchitecture: amd64\nAuto-Installed: 0\n";
    ArchiveSpec spec = oneLayer({ fileEntry("usr/bin/bash", std::string(600, 'b')),
        fileEntry("var/lib/dpkg/status", base), fileEntry("var/lib/dpkg/info/bash.list", "/usr/bin/bash\n") });
    LayerSpec install;
    install.createdBy = "RUN apt-get install -y curl";
    install.entries
        = { fileEntry("usr/bin/curl", std::string(300, 'u')), fileEntry("usr/lib/libcurl.so.4", std::string(200, 'l')),
              fileEntry("var/cache/apt/archives/curl.deb", std::string(2000, 'a')),
              fileEntry("var/lib/dpkg/status", final), fileEntry("var/lib/dpkg/info/curl.list", "/usr/bin/curl\n"),
              fileEntry("var/lib/dpkg/info/libcurl4.list", "/usr/lib/libcurl.so.4\n"),
              fileEntry("var/lib/apt/extended_states", states) };
    spec.images[0].layers.push_back(install);
    const WrittenArchive written = writeArchive(spec, dir.path());

    LOAD_OR_FAIL(image, written.path);
    const ballast::ImageAnalysis analysis = ballast::analyzeImage(*image);
    const std::vector<ballast::LayerPackages> layers = ballast::packagesOfLayers(*image, analysis.packages);
    QCOMPARE(layers.size(), size_t(2));
    const ballast::LayerPackages &layer = layers[1];
    QCOMPARE(layer.installed.size(), size_t(2));
    QCOMPARE(layer.installed[0]->name, std::string("curl"));
    QCOMPARE(layer.installed[1]->name, std::string("libcurl4"));
    QCOMPARE(layer.installedBytes, int64_t(500));
    QCOMPARE(layer.autoInstalled, 1);
    const int64_t unpackaged = int64_t(2000 + final.size() + 14 + 22 + states.size());
    QCOMPARE(layer.unpackagedBytes, unpackaged);
    QCOMPARE(ballast::describeLayerPackages(layer, true),
        QStringLiteral("installed 2 packages (500 B), the largest curl (300 B), libcurl4 (200 B); apt installed 1 of "
                       "them automatically, as dependencies or recommendations (try apt-get install "
                       "--no-install-recommends); %1 of the layer belongs to no package")
            .arg(ballast::formatBytes(unpackaged)));

    // Layer 0 installed bash alone; there was no extended_states yet, but the final one counts.
    const ballast::LayerPackages &first = layers[0];
    QCOMPARE(ballast::describeLayerPackages(first, false),
        QStringLiteral("installed bash (600 B); %1 of the layer belongs to no package")
            .arg(ballast::formatBytes(int64_t(base.size() + 14))));
    QCOMPARE(ballast::describeLayerPackages(ballast::LayerPackages {}, true), QString()); // installed nothing
}

QTEST_GUILESS_MAIN(TestLayerPackages)
#include "test_layer_packages.moc"
