// The decision basis as the decider reads it: the need, the cost, the risk, the alternatives,
// privacy, linked documents, who decides, and what changed since the last round.
import type { ReactNode } from 'react';
import { Alert, Box, Link, List, ListItem, Stack, Typography } from '@mui/material';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { ReferenceArrayField, ReferenceField, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../shared/EnumField';
import { formatNok } from '../shared/format';
import type { Initiative } from '../shared/types';

/** One part of the basis under its heading; a part not filled in says so. */
const Part = ({ label, filled, children, testId }: { label: string; filled: boolean; children: ReactNode; testId: string }) => {
    const translate = useTranslate();
    return (
        <Box component="section" data-testid={testId}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
                {translate(label)}
            </Typography>
            {filled ? children : <Typography sx={{ fontStyle: 'italic', color: 'text.secondary' }}>{translate('app.basis.not_filled')}</Typography>}
        </Box>
    );
};

const Paragraphs = ({ text }: { text?: string | null }) => <Typography sx={{ whiteSpace: 'pre-wrap' }}>{text}</Typography>;

const Documents = ({ documents }: { documents: NonNullable<Initiative['documents']> }) => {
    const translate = useTranslate();
    return (
        <List dense disablePadding>
            {documents.map(document => (
                <ListItem key={document.url} disableGutters>
                    <Link href={document.url} target="_blank" rel="noopener noreferrer">
                        {document.title} <OpenInNewIcon fontSize="inherit" aria-label={translate('app.new_window')} />
                    </Link>
                </ListItem>
            ))}
        </List>
    );
};

export const DecisionBasis = () => {
    const record = useRecordContext<Initiative>();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    if (!record) return null;
    const cost = record.costEstimate;
    const hasCost = typeof cost?.investment === 'number' || typeof cost?.yearlyRunning === 'number';
    // A note belongs to the gate it was written for; once the initiative moves on it is history.
    const note = record.submitNote?.gate === record.gate ? record.submitNote.text?.trim() : '';
    return (
        <Stack spacing={2} data-testid="decision-basis">
            {note && (
                <Alert severity="info" data-testid="basis-submit-note">
                    <strong>{translate('app.basis.submit_note')}:</strong> {note}
                </Alert>
            )}
            <Part label="app.basis.problem" filled={Boolean(record.problem?.trim())} testId="basis-problem">
                <Paragraphs text={record.problem} />
            </Part>
            <Part label="app.basis.cost" filled={hasCost} testId="basis-cost">
                <Typography>
                    {translate('app.basis.cost_text', { investment: formatNok(cost?.investment, locale) || '–', running: formatNok(cost?.yearlyRunning, locale) || '–' })}
                </Typography>
            </Part>
            <Part label="app.basis.risk" filled={Boolean(record.risk?.level)} testId="basis-risk">
                <EnumField source="risk.level" group="risk" variant="chip" />
                <Paragraphs text={record.risk?.description} />
            </Part>
            <Part label="app.basis.alternatives" filled={Boolean(record.alternatives?.trim())} testId="basis-alternatives">
                <Paragraphs text={record.alternatives} />
            </Part>
            <Part label="app.basis.dpia" filled={Boolean(record.dpia)} testId="basis-dpia">
                <EnumField source="dpia" group="dpia" />
            </Part>
            <Part label="app.basis.documents" filled={Boolean(record.documents?.length)} testId="basis-documents">
                <Documents documents={record.documents ?? []} />
            </Part>
            <Part label="app.basis.governance" filled={Boolean(record.boardId || record.governanceId)} testId="basis-governance">
                {record.boardId && (
                    <Typography component="div">
                        <ReferenceField source="boardId" reference="boards" />
                        {': '}
                        <ReferenceField source="boardId" reference="boards" link={false}>
                            <ReferenceArrayField source="memberIds" reference="people" />
                        </ReferenceField>
                    </Typography>
                )}
                {record.governanceId && (
                    <Typography component="div">
                        {translate('resources.initiatives.fields.governanceId')}: <ReferenceField source="governanceId" reference="people" link={false} />
                    </Typography>
                )}
            </Part>
        </Stack>
    );
};
