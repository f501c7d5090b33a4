// DL4006: Set -o pipefail before RUN with a pipe (DL4006Spec.hs).
#include "RuleTestSupport.h"

using ruletest::row;

class DL4006Test : public QObject {
    Q_OBJECT
private slots:
    void snippets_data();
    void snippets() { ruletest::check("DL4006"); }
};

void DL4006Test::snippets_data()
{
    ruletest::columns();
    row("missing pipefail", { "FROM scratch", "RUN wget -O - https://some.site | wc -l > /number" }, { 2 });
    row("no pipe", { "FROM scratch as build", "RUN wget -O - https://some.site && wc -l file > /number" }, {});
    row("-eo pipefail",
        { "FROM scratch as build", "SHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]",
            "RUN wget -O - https://some.site | wc -l file > /number" },
        {});
    row("-e -o pipefail",
        { "FROM scratch as build", "SHELL [\"/bin/bash\", \"-e\", \"-o\", \"pipefail\", \"-c\"]",
            "RUN wget -O - https://some.site | wc -l file > /number" },
        {});
    row("-o errexit -o pipefail",
        { "FROM scratch as build", "SHELL [\"/bin/bash\", \"-o\", \"errexit\", \"-o\", \"pipefail\", \"-c\"]",
            "RUN wget -O - https://some.site | wc -l file > /number" },
        {});
    row("zsh",
        { "FROM scratch as build", "SHELL [\"/bin/zsh\", \"-o\", \"pipefail\", \"-c\"]",
            "RUN wget -O - https://some.site | wc -l file > /number" },
        {});
    row("bash elsewhere",
        { "FROM scratch as build", "SHELL [\"/usr/bin/bash\", \"-o\", \"pipefail\", \"-c\"]",
            "RUN wget -O - https://some.site | wc -l file > /number" },
        {});
    row("powershell",
        { "FROM scratch as build", "SHELL [\"pwsh\", \"-c\"]",
            "RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value" },
        {});
    row("plain sh",
        { "FROM scratch as build", "SHELL [\"/bin/sh\", \"-o\", \"pipefail\", \"-c\"]",
            "RUN wget -O - https://some.site | wc -l file > /number" },
        { 3 });
    row("next stage",
        { "FROM scratch as build", "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]",
            "RUN wget -O - https://some.site | wc -l file > /number", "FROM scratch as build2",
            "RUN wget -O - https://some.site | wc -l file > /number" },
        { 5 });
    row("next SHELL without it",
        { "FROM scratch as build", "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]",
            "RUN wget -O - https://some.site | wc -l file > /number", "SHELL [\"/bin/sh\", \"-c\"]",
            "RUN wget -O - https://some.site | wc -l file > /number" },
        { 5 });
    row("powershell.exe",
        { "FROM mcr.microsoft.com/powershell:ubuntu-16.04", "SHELL [ \"powershell.exe\" ]",
            "RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value" },
        {});
    row("cmd.exe",
        { "FROM mcr.microsoft.com/powershell:ubuntu-16.04", "SHELL [ \"cmd.exe\", \"/c\" ]",
            "RUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value" },
        {});
    row("|| is not a pipe", { "FROM x", "RUN a || b" }, {});
    row("pipe in quotes", { "FROM x", "RUN echo \"a | b\"" }, {});
    row("pipe in a substitution", { "FROM x", "RUN echo $(ls | wc -l)" }, { 2 });
}

static ruletest::Register<DL4006Test> registered;
#include "DL4006.moc"
