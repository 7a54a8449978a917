#pragma once

// The parts of fuzz_seeds: a writer of one file per seed, and the seeds of each group of targets.

#include <QByteArray>
#include <QString>

namespace shebao::fuzz {

class SeedWriter
{
public:
    explicit SeedWriter(QString dir) : m_dir(std::move(dir)) {}
    // DIR/<target>/<name>; a failure is remembered and reported by ok()/problem().
    void write(const QString &target, const QString &name, const QByteArray &bytes);
    QString scratch(const QString &name) const; // a path for a fixture file that is not a seed
    bool ok() const { return m_problem.isEmpty(); }
    QString problem() const { return m_problem; }
    int count() const { return m_count; }

private:
    QString m_dir;
    QString m_problem;
    int m_count = 0;
};

void writeValidatorSeeds(SeedWriter &out);  // idnumber, creditcode
void writeImportSeeds(SeedWriter &out);     // csv, xlsx, xlsx_xml
void writeJsonSeeds(SeedWriter &out);       // json, policy
void writeServerSeeds(SeedWriter &out);     // server_body, server_query

} // namespace shebao::fuzz
