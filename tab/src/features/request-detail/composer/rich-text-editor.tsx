import { Toolbar, ToolbarButton, makeStyles, tokens } from '@fluentui/react-components';
import {
  TextBoldRegular,
  TextBulletListLtrRegular,
  TextItalicRegular,
  TextNumberListLtrRegular,
  TextQuoteRegular,
} from '@fluentui/react-icons';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, type KeyboardEvent, type ReactElement } from 'react';

// TipTap (ProseMirror underneath): maintained, headless (so it takes Fluent's look), and its HTML output is the
// small set of tags the API's sanitiser keeps. This file is loaded lazily: the list pages never pay for it.

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  content: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minHeight: '96px',
    maxHeight: '360px',
    overflowY: 'auto',
    color: tokens.colorNeutralForeground1,
    '& .ProseMirror': { outlineStyle: 'none', minHeight: '80px' },
    '& .ProseMirror p': { margin: `0 0 ${tokens.spacingVerticalS}` },
    '& .ProseMirror p.is-editor-empty:first-child::before': {
      content: 'attr(data-placeholder)',
      color: tokens.colorNeutralForeground4,
      float: 'left',
      height: 0,
      pointerEvents: 'none',
    },
  },
});

export type EditorHandle = { insertHtml(html: string): void; clear(): void; focus(): void };

export type RichTextEditorProps = {
  label: string;
  placeholder: string;
  onChange: (html: string, isEmpty: boolean) => void;
  onReady: (handle: EditorHandle) => void;
  onSubmitShortcut: () => void;
};

export function RichTextEditor(props: RichTextEditorProps) {
  const styles = useStyles();
  const { onChange, onReady } = props;
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: false, codeBlock: false, horizontalRule: false }),
      Placeholder.configure({ placeholder: props.placeholder }),
    ],
    editorProps: { attributes: { 'aria-label': props.label, 'aria-multiline': 'true', role: 'textbox' } },
    onUpdate: ({ editor: e }) => onChange(e.getHTML(), e.getText().trim() === ''),
  });

  useEffect(() => {
    if (editor) onReady(handleOf(editor));
  }, [editor, onReady]);

  // Ctrl+Enter (Cmd+Enter) sends, as in Teams' own compose box.
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      props.onSubmitShortcut();
    }
  };

  return (
    <div className={styles.root}>
      <FormatBar editor={editor} />
      <div className={styles.content} onKeyDown={handleKeyDown}>
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}

function handleOf(editor: Editor): EditorHandle {
  return {
    insertHtml: (html) => editor.chain().focus().insertContent(html).run(),
    clear: () => editor.commands.clearContent(true),
    focus: () => editor.commands.focus('end'),
  };
}

function FormatBar(props: { editor: Editor | null }) {
  const { editor } = props;
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      bullets: e?.isActive('bulletList') ?? false,
      numbers: e?.isActive('orderedList') ?? false,
      quote: e?.isActive('blockquote') ?? false,
    }),
  });
  const button = (label: string, icon: ReactElement, isOn: boolean | undefined, run: (e: Editor) => void) => (
    <ToolbarButton
      aria-label={label}
      aria-pressed={isOn ?? false}
      icon={icon}
      appearance={isOn ? 'primary' : 'subtle'}
      disabled={!editor}
      onClick={() => editor && run(editor)}
    />
  );
  return (
    <Toolbar aria-label="Formatting" size="small">
      {button('Bold', <TextBoldRegular />, active?.bold, (e) => e.chain().focus().toggleBold().run())}
      {button('Italic', <TextItalicRegular />, active?.italic, (e) => e.chain().focus().toggleItalic().run())}
      {button('Bulleted list', <TextBulletListLtrRegular />, active?.bullets, (e) =>
        e.chain().focus().toggleBulletList().run(),
      )}
      {button('Numbered list', <TextNumberListLtrRegular />, active?.numbers, (e) =>
        e.chain().focus().toggleOrderedList().run(),
      )}
      {button('Quote', <TextQuoteRegular />, active?.quote, (e) =>
        e.chain().focus().toggleBlockquote().run(),
      )}
    </Toolbar>
  );
}
