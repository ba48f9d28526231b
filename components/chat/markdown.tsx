import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

const components: Components = {
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
};

const inlineComponents: Components = {
  ...components,
  p: ({ children }) => <>{children}</>,
};

/** Assistant markdown (GFM). Raw HTML in the source is not rendered. */
export function Markdown({ children, className = "" }: { children: string; className?: string }) {
  return (
    <div className={`markdown ${className}`}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}

/** One line of markdown (a step, a warning): inline code, emphasis and links, without paragraphs. */
export function InlineMarkdown({ children }: { children: string }) {
  return (
    <span className="inline-md">
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={inlineComponents}>
        {children}
      </ReactMarkdown>
    </span>
  );
}
