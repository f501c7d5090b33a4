#include "ImageMeasurement.h"

#include <QSet>
#include <QTextBlock>
#include <QTextDocument>

namespace ballast {

namespace {
const QSet<QString> &imageRuleCodes()
{
    static const QSet<QString> codes = [] {
        QSet<QString> out;
        for (const LintRuleInfo &rule : lintRules())
            if (rule.needsImage)
                out.insert(rule.code);
        return out;
    }();
    return codes;
}
} // namespace

ImageMeasurement::ImageMeasurement(QTextDocument *document)
    : m_document(document)
{ }

void ImageMeasurement::pair()
{
    clear();
    m_paired = true;
    m_builtText = m_document->toPlainText();
    m_built = parseDockerfile(m_builtText); // a few KB of text: cheap on the GUI thread
    m_current = true;
    anchorInstructions();
}

void ImageMeasurement::clear()
{
    m_paired = false;
    m_current = false;
    m_builtText.clear();
    m_built = Dockerfile();
    m_spans.clear();
    m_mapping.reset();
    m_agreement = MappingAgreement();
    m_layerBytes.clear();
    m_imageFindings.clear();
}

void ImageMeasurement::anchorInstructions()
{
    m_spans.clear();
    for (const DockerfileInstruction &instruction : m_built.instructions) {
        const QTextBlock first = m_document->findBlockByNumber(instruction.line - 1);
        const QTextBlock last = m_document->findBlockByNumber(std::max(instruction.line, instruction.endLine) - 1);
        QTextCursor span(m_document);
        if (first.isValid() && last.isValid()) {
            span.setPosition(first.position());
            span.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
        }
        m_spans.push_back(span);
    }
}

bool ImageMeasurement::setResults(const DockerfileCheck &check, const Image &image)
{
    if (!m_paired || check.text != m_builtText || !check.mapping || !check.dockerfile)
        return false;
    m_mapping = check.mapping;
    m_agreement = mappingAgreement(*check.dockerfile, *m_mapping);
    m_layerBytes.clear();
    for (const Layer &layer : image.layers)
        m_layerBytes.push_back(layer.size);
    m_imageFindings.clear();
    for (const LintFinding &finding : check.findings)
        if (imageRuleCodes().contains(finding.rule))
            m_imageFindings.push_back(finding);
    return true;
}

void ImageMeasurement::documentChanged()
{
    if (!m_paired)
        return;
    const bool current = m_document->toPlainText() == m_builtText;
    if (current && !m_current)
        anchorInstructions();
    m_current = current;
}

QTextCursor ImageMeasurement::spanOf(int index) const
{
    if (index < 0 || index >= int(m_spans.size()))
        return {};
    const QTextCursor &span = m_spans[size_t(index)];
    return span.hasSelection() ? span : QTextCursor();
}

int ImageMeasurement::lineOf(int index) const
{
    const QTextCursor span = spanOf(index);
    return span.isNull() ? -1 : m_document->findBlock(span.selectionStart()).blockNumber() + 1;
}

std::map<int, LayersAtLine> ImageMeasurement::layersByLine() const
{
    std::map<int, LayersAtLine> out;
    if (!m_mapping)
        return out;
    for (const InstructionLayers &row : m_mapping->rows) {
        const int line = row.layers.empty() ? -1 : lineOf(row.instruction);
        if (line < 0)
            continue;
        LayersAtLine &at = out[line];
        for (int layer : row.layers) {
            at.layers.push_back(layer);
            at.bytes += layer >= 0 && layer < int(m_layerBytes.size()) ? m_layerBytes[size_t(layer)] : 0;
        }
    }
    return out;
}

int ImageMeasurement::lineOfLayer(int layer) const
{
    return m_mapping ? lineOf(m_mapping->instructionFor(layer)) : -1;
}

QTextCursor ImageMeasurement::instructionOfLayer(int layer) const
{
    return m_mapping ? spanOf(m_mapping->instructionFor(layer)) : QTextCursor();
}

std::vector<LintFinding> ImageMeasurement::imageFindings() const
{
    std::vector<LintFinding> out;
    for (LintFinding finding : m_imageFindings) {
        const int line = lineOf(finding.instruction);
        if (line < 0)
            continue;
        if (!m_current) {
            const QTextCursor span = spanOf(finding.instruction);
            finding.endLine = m_document->findBlock(span.selectionEnd()).blockNumber() + 1;
            finding.line = line;
            finding.fix.reset();
        }
        out.push_back(std::move(finding));
    }
    return out;
}

} // namespace ballast
