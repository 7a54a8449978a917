// Writes the seed corpus of every fuzz target into DIR/<target>/, from the fixtures and sample
// data of the test suite: the workbooks the import tests write (tests/unit/import/XlsxFixture),
// the CSV variants they read, the ID numbers and credit codes of the validator tests, the 异动
// and 参保证明 samples of the export and printing tests encoded by the JSON codecs, and request
// bodies as the server tests send them. Run by ctest (test fuzz_seeds) before the fuzz runs.
//   fuzz_seeds DIR
#include "fuzz/FuzzCheck.h"
#include "fuzz/JsonCodecs.h"
#include "fuzz/SeedFiles.h"

#include <QCoreApplication>
#include <QDir>

#include <cstdio>

using namespace shebao;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seeds DIR\n");
        return 2;
    }
    fuzz::SeedWriter out(QString::fromLocal8Bit(argv[1]));
    fuzz::writeValidatorSeeds(out);
    fuzz::writeImportSeeds(out);
    fuzz::writeJsonSeeds(out);
    fuzz::writeServerSeeds(out);
    if (!out.ok()) {
        std::fprintf(stderr, "fuzz_seeds: %s\n", qPrintable(out.problem()));
        return 1;
    }
    std::printf("fuzz_seeds: %d seeds in %s\n", out.count(), argv[1]);
    return 0;
}
