// A child process for tst_draftcrash: saves drafts and queued outbox items into a real cache as
// fast as it can, as the wizards and OutboxService do — a draft per keystroke, an item queued
// before it is sent, marked as being sent, then settled with the server's answer — and
// acknowledges each step on stdout only after its transaction committed ("draft ID SEQ",
// "outbox ID SEQ", "sent ID SEQ"). The test kills it with SIGKILL at a random moment and then
// checks that everything acknowledged is in the file.
// Usage: draft_writer CACHE_FILE
#include <QCoreApplication>
#include <QJsonObject>

#include <cstdio>

#include "models/cache/DraftStore.h"
#include "models/cache/LocalCache.h"
#include "models/cache/OutboxStore.h"

using namespace shebao;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2)
        return 2;
    LocalCache cache;
    if (!cache.open(QString::fromLocal8Bit(argv[1])))
        return 2;
    DraftStore drafts(cache);
    OutboxStore outbox(cache);
    std::printf("ready\n");
    std::fflush(stdout);
    qint64 draftId = 0;
    for (int seq = 1;; ++seq) {
        // One draft retyped again and again (the wizard as the clerk types), and every tenth
        // keystroke a new one.
        Draft d;
        d.id = seq % 10 == 0 ? 0 : draftId;
        d.kind = QStringLiteral("declaration.add");
        d.title = QStringLiteral("张三 %1").arg(seq);
        d.state = QJsonObject{{QStringLiteral("seq"), seq}, {QStringLiteral("name"), QStringLiteral("张三%1").arg(seq)}};
        const Result<qint64> saved = drafts.save(d);
        if (!saved)
            return 3;
        draftId = saved.value();
        std::printf("draft %lld %d\n", draftId, seq);
        std::fflush(stdout);
        if (seq % 3 == 0) {
            DeclarationItem item;
            item.kind = DeclarationKind::Add;
            item.name = QStringLiteral("李四%1").arg(seq);
            item.idNumber = QStringLiteral("430102199001011234");
            item.startMonth = QStringLiteral("2026-12");
            const Result<OutboxEntry> queued = outbox.enqueue(item);
            if (!queued)
                return 3;
            std::printf("outbox %lld %d\n", queued.value().id, seq);
            std::fflush(stdout);
            if (seq % 2 == 0) {
                // OutboxService: attempts + 1 before the request leaves, the answer afterwards.
                if (!outbox.markSending({queued.value().id}))
                    return 3;
                DeclarationItem answered = item;
                answered.id = seq;
                answered.itemNo = QStringLiteral("YD%1").arg(seq);
                answered.state = ItemState::Pending;
                if (!outbox.markSent(queued.value().id, answered))
                    return 3;
                std::printf("sent %lld %d\n", queued.value().id, seq);
                std::fflush(stdout);
            }
        }
    }
}
