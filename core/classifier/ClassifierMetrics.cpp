#include "classifier/ClassifierMetrics.h"

#include <QJsonArray>
#include <algorithm>

namespace aichopin {

double BinaryMetrics::areaUnderRoc(const std::vector<ScoredItem> &items)
{
    // Mann-Whitney U from ranks (average ranks for ties).
    std::vector<std::pair<double, bool>> v;
    v.reserve(items.size());
    for (const ScoredItem &i : items)
        v.emplace_back(i.pChopin, i.isChopin);
    std::sort(v.begin(), v.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    double rankSumPos = 0;
    qint64 pos = 0, neg = 0;
    for (size_t i = 0; i < v.size();) {
        size_t j = i;
        while (j < v.size() && v[j].first == v[i].first)
            ++j;
        const double avgRank = (double(i + 1) + double(j)) / 2.0;
        for (size_t k = i; k < j; ++k) {
            if (v[k].second) {
                rankSumPos += avgRank;
                ++pos;
            } else {
                ++neg;
            }
        }
        i = j;
    }
    if (pos == 0 || neg == 0)
        return -1;
    return (rankSumPos - double(pos) * double(pos + 1) / 2.0) / (double(pos) * double(neg));
}

BinaryMetrics BinaryMetrics::compute(const std::vector<ScoredItem> &items, double threshold)
{
    BinaryMetrics m;
    m.count = int(items.size());
    std::map<QString, std::pair<int, int>> groups;
    for (const ScoredItem &i : items) {
        const bool predicted = i.pChopin >= threshold;
        if (predicted && i.isChopin)
            ++m.truePositives;
        else if (predicted)
            ++m.falsePositives;
        else if (i.isChopin)
            ++m.falseNegatives;
        else
            ++m.trueNegatives;
        if (!i.group.isEmpty()) {
            auto &g = groups[i.group];
            ++g.first;
            g.second += predicted == i.isChopin ? 1 : 0;
        }
    }
    const auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
    m.accuracy = ratio(m.truePositives + m.trueNegatives, m.count);
    m.precision = ratio(m.truePositives, m.truePositives + m.falsePositives);
    m.recall = ratio(m.truePositives, m.truePositives + m.falseNegatives);
    const auto fBeta = [&](double beta) {
        const double b2 = beta * beta;
        return ratio((1 + b2) * m.precision * m.recall, b2 * m.precision + m.recall);
    };
    m.f1 = fBeta(1.0);
    m.f05 = fBeta(0.5);
    m.rocAuc = areaUnderRoc(items);
    for (const auto &[name, g] : groups)
        m.groupAccuracy[name] = {g.first, ratio(g.second, g.first)};
    return m;
}

QJsonObject BinaryMetrics::toJson() const
{
    QJsonObject groups;
    for (const auto &[name, g] : groupAccuracy)
        groups[name] = QJsonObject{{QStringLiteral("count"), g.first}, {QStringLiteral("accuracy"), g.second}};
    return QJsonObject{{QStringLiteral("count"), count},
                       {QStringLiteral("accuracy"), accuracy},
                       {QStringLiteral("precision"), precision},
                       {QStringLiteral("recall"), recall},
                       {QStringLiteral("f1"), f1},
                       {QStringLiteral("f0_5"), f05},
                       {QStringLiteral("roc_auc"), rocAuc},
                       {QStringLiteral("confusion"),
                        QJsonObject{{QStringLiteral("true_chopin"), truePositives},
                                    {QStringLiteral("false_chopin"), falsePositives},
                                    {QStringLiteral("true_other"), trueNegatives},
                                    {QStringLiteral("false_other"), falseNegatives}}},
                       {QStringLiteral("by_composer"), groups}};
}

}  // namespace aichopin
