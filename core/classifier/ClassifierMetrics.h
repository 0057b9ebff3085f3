#pragma once
// Binary classification metrics with Chopin as the positive class: accuracy, precision, recall,
// F1, the paper's F0.5, ROC AUC, confusion matrix, and per-group (composer) rates of correct
// verdicts (the paper's "blind" accuracy for each non-Chopin composer). Pure functions; any thread.
#include <QJsonObject>
#include <QString>
#include <map>
#include <vector>

namespace aichopin {

struct ScoredItem {
    double pChopin = 0;   // the classifier's probability of Chopin
    bool isChopin = false;  // the truth
    QString group;        // composer (or any grouping); may be empty
};

struct BinaryMetrics {
    int count = 0;
    int truePositives = 0, falsePositives = 0, trueNegatives = 0, falseNegatives = 0;
    double accuracy = 0, precision = 0, recall = 0, f1 = 0, f05 = 0;
    double rocAuc = -1;  // -1 when only one class is present
    // Per group: items and the fraction given the right verdict.
    std::map<QString, std::pair<int, double>> groupAccuracy;

    QJsonObject toJson() const;
    // Precondition: threshold in (0, 1).
    static BinaryMetrics compute(const std::vector<ScoredItem> &items, double threshold = 0.5);
    // Area under the ROC curve (ties count one half); -1 when a class is missing.
    static double areaUnderRoc(const std::vector<ScoredItem> &items);
};

}  // namespace aichopin
