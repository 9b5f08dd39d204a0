// The voices on an initiative, gate by gate: enthusiasts asked when it starts and while it is
// implemented, and anyone else who spoke up. The decider sees them beside the decision basis.
import { Box, List, ListItem, Typography } from '@mui/material';
import { RecordContextProvider, ReferenceField, useRecordContext, useTranslate } from 'react-admin';
import { GATES } from '@domain/types';
import { CommentButton } from '../comments/CommentButton';
import { EnumField, useEnumLabel } from '../shared/EnumField';
import { LocaleDateField } from '../shared/LocaleFields';
import { useInitiativeRecords } from '../shared/useInitiativeRecords';
import { InitiativeSection } from './InitiativeSection';
import { useInitiativeRules } from './useInitiativeRules';
import type { Comment, Initiative } from '../shared/types';

const CommentItem = ({ comment }: { comment: Comment }) => (
    <ListItem divider sx={{ display: 'block' }} data-testid="comment">
        <RecordContextProvider value={comment}>
            <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }}>
                <ReferenceField source="authorId" reference="people" link={false} emptyText="–" /> · <LocaleDateField source="at" showTime /> ·{' '}
                <EnumField source="channel" group="channel" />
            </Typography>
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>{comment.text}</Typography>
        </RecordContextProvider>
    </ListItem>
);

export const InitiativeComments = () => {
    const initiative = useRecordContext<Initiative>();
    const translate = useTranslate();
    const gateName = useEnumLabel('gate');
    const { mayComment } = useInitiativeRules(initiative);
    const { data: comments = [], isPending } = useInitiativeRecords<Comment>('comments', initiative?.id, { field: 'at', order: 'DESC' });
    if (!initiative || isPending) return null;
    // The current gate first, then the earlier ones.
    const gates = [...GATES].reverse().filter(gate => comments.some(comment => comment.gate === gate));
    const action = mayComment && <CommentButton initiative={initiative} />;
    return (
        <InitiativeSection testId="initiative-comments" intro="app.comment.intro" none="app.comment.none" empty={gates.length === 0} action={action}>
            {gates.map(gate => (
                <Box component="section" key={gate} aria-labelledby={`comments-${gate}`} data-testid={`comments-${gate}`}>
                    <Typography variant="h6" component="h3" id={`comments-${gate}`}>
                        {translate('app.comment.at_gate', { gate: gateName(gate) })}
                    </Typography>
                    <List>
                        {comments
                            .filter(comment => comment.gate === gate)
                            .map(comment => (
                                <CommentItem key={comment.id} comment={comment} />
                            ))}
                    </List>
                </Box>
            ))}
        </InitiativeSection>
    );
};
